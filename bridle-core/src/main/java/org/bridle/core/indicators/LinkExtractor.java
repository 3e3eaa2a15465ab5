package org.bridle.core.indicators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Finds the links in free text (messages, notes, logs), well-formed or not, in one pass without regular
 * expressions. Stateless and thread-safe.
 *
 * <p>A link is either
 * <ul>
 * <li>a {@code scheme://} link, any scheme of two or more letters, digits, {@code +} or {@code -}; its
 * {@code ://} may be written JSON-escaped ({@code :\/\/}) or percent-encoded ({@code %3A%2F%2F}, as in a
 * redirect parameter; such a link ends at {@code &}). The scheme may be glued to the end of a word in another
 * script, as in {@code 请点击https://…}: Chinese and Japanese put no space before a link; or</li>
 * <li>a bare host name, such as {@code www.evil.com/x} or {@code evil.example.org}: two or more labels whose
 * last (the top-level domain) is two or more letters, all lower or all upper case. To keep ordinary prose and
 * names out, a bare host is not taken when it follows {@code @}, {@code /}, {@code \} or {@code .}, when it is
 * followed by {@code @} (an e-mail address), when its last label is a common file extension that is no top-level
 * domain ({@code photo.jpg}, {@code Manifest.db}), or when its first label is {@code com}, {@code org} or
 * {@code net} (a reverse-DNS identifier such as {@code com.apple.mobilesafari}). {@code e.g.} has one-letter
 * labels, so it is no link. A bare IPv4 address is no link (version numbers look the same).</li>
 * </ul>
 * Host labels may be separated by the defanged dots {@code [.]} and {@code (.)}, and a scheme may be
 * {@code hxxp} or {@code hxxps}. After the host come an optional {@code :port} and, when the next character is
 * {@code /}, {@code ?} or {@code #}, the rest up to white space, a control character or one of
 * {@code " < > ` |}, typographic quotes, or a backslash that does not escape {@code /}. Trailing punctuation
 * ({@code . , ; : ! ? ' *}) and closing brackets without an opening one in the link are not part of it. Links
 * inside a link's path or query (redirects) are found too, up to 8 in one link, so that the work and the output
 * stay linear in the length of the text whatever it holds.
 *
 * <p>Each link is returned refanged and unescaped: {@code http} for {@code hxxp}, {@code .} for defanged dots,
 * {@code /} for {@code \/}, and a percent-encoded link decoded.
 */
public final class LinkExtractor {
    private static final Set<String> FILE_EXTENSIONS = Set.of(
            "jpg", "jpeg", "png", "gif", "heic", "heif", "webp", "bmp", "tif", "tiff", "txt", "pdf", "doc", "docx",
            "xls", "xlsx", "ppt", "pptx", "csv", "log", "plist", "db", "sqlite", "sqlite3", "json", "xml", "js",
            "html", "htm", "php", "asp", "aspx", "jsp", "exe", "dll", "dylib", "apk", "ipa", "dmg", "gz", "tgz",
            "tar", "rar", "bz2", "xz", "wav", "aac", "amr", "caf", "m4a", "mpg", "mpeg", "avi", "mkv", "vcf", "ics");
    private static final Set<String> REVERSE_DNS_ROOTS = Set.of("com", "org", "net");
    private static final String TRAILING_PUNCTUATION = ".,;:!?'*";
    private static final String OPENING_BRACKETS = "([{";
    private static final String CLOSING_BRACKETS = ")]}";
    private static final String TERMINATORS = "\"<>`|\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e";
    private static final Separator[] SEPARATORS = Separator.values();
    /**
     * What may follow a word's letters, digits, {@code -} and {@code _} when the word starts a link: a dot (plain or
     * defanged as {@code [.]} or {@code (.)}), the {@code :} or {@code %} of a scheme's separator, or the {@code +}
     * of a scheme such as {@code svn+ssh}. A word followed by anything else starts no link and is skipped whole.
     */
    private static final String LINK_CONTINUATIONS = ".[(:%+";
    /** The most links looked for inside one link. */
    private static final int MAX_NESTED_LINKS = 8;
    /** How many links are told apart by comparison, before a hash set is used. */
    private static final int FEW_LINKS = 16;
    /** The longest user name and password looked for before a host. */
    private static final int MAX_USER_INFO = 256;

    private LinkExtractor() {
    }

    /** The distinct links of the text, in order of first appearance; empty when it has none. */
    public static List<String> links(String text) {
        return SCANS.get().links(text);
    }

    /** {@link #isLabelChar}, {@link #isSchemeChar} and {@link #isTerminator} of each ASCII character. */
    private static final boolean[] ASCII_LABEL = new boolean[0x80];
    private static final boolean[] ASCII_SCHEME = new boolean[0x80];
    private static final boolean[] ASCII_TERMINATOR = new boolean[0x80];

    static {
        for (char c = 0; c < 0x80; c++) {
            ASCII_LABEL[c] = isLabelChar(c);
            ASCII_SCHEME[c] = isSchemeChar(c);
            ASCII_TERMINATOR[c] = isTerminator(c);
        }
    }

    /** The longest text whose copy a thread keeps for its next scan; a longer one gets a copy of its own. */
    private static final int KEPT_COPY = 1 << 16;
    /** The most links whose list a thread keeps for its next scan. */
    private static final int KEPT_LINKS = 64;
    /** Each thread's scan, reused from text to text with its copy of the text and its list of links. */
    private static final ThreadLocal<Scan> SCANS = ThreadLocal.withInitial(Scan::new);

    /**
     * One pass over one text at a time, each thread's reused from text to text. The text is read from a copy in a
     * {@code char[]} whose first {@link #n} characters are the text's: under the product's shallow inlining,
     * {@code String.charAt} is a call per character.
     */
    private static final class Scan {
        /** The copy kept for the next text. */
        private char[] kept = new char[1024];
        private String s;
        private char[] a;
        private int n;
        /** The links found, each once, in order of first appearance. */
        private List<String> found = new ArrayList<>();
        /** The links of {@link #found} once there are more than {@link #FEW_LINKS}. */
        private Set<String> seen;
        /** The end of the link being looked into: before it, only nested scheme links are looked for. */
        private int insideUntil;
        /** How many more links may be taken before {@link #insideUntil}. */
        private int nestedLeft;
        private int labelCount;
        private int firstLabelEnd;
        private int lastLabelStart;

        /** The distinct links of the text, in order of first appearance. */
        List<String> links(String text) {
            s = text;
            n = text.length();
            if (kept.length < n) {
                a = new char[n];
                if (n <= KEPT_COPY) {
                    kept = a;
                }
            } else {
                a = kept;
            }
            text.getChars(0, n, a, 0);
            if (found.size() > KEPT_LINKS) {
                found = new ArrayList<>();
            } else {
                found.clear();
            }
            seen = null;
            insideUntil = 0;
            nestedLeft = 0;
            try {
                scan();
                return found.isEmpty() ? List.of() : List.copyOf(found);
            } finally {
                // keeps no text of the caller's
                s = null;
                a = null;
            }
        }

        private void scan() {
            char[] a = this.a;
            int n = this.n;
            boolean[] label = ASCII_LABEL;
            int i = 0;
            while (i < n) {
                char c = a[i];
                if (c < 0x80 ? !label[c] : !Character.isLetterOrDigit(c)) {
                    i++;
                    continue;
                }
                if (i > 0) {
                    char p = a[i - 1];
                    if (p < 0x80 ? label[p] : Character.isLetterOrDigit(p)) {
                        i++;
                        continue;
                    }
                }
                int word = wordEnd(i);
                if (word == n || !isLinkContinuation(a[word])) {
                    i = word;
                    continue;
                }
                boolean inside = i < insideUntil;
                int next = schemeLink(i);
                if (next < 0) {
                    i = inside ? wordEnd(i) : bareLink(i);
                } else if (inside && --nestedLeft == 0) {
                    i = insideUntil;
                } else {
                    i = next;
                }
            }
        }

        /** Takes the scheme link starting at {@code start}; returns where to look next, or -1 when there is none. */
        private int schemeLink(int start) {
            int schemeEnd = start;
            while (schemeEnd < n && isSchemeCharAt(schemeEnd)) {
                schemeEnd++;
            }
            if (schemeEnd - start < 2 || !isAsciiLetter(a[start])) {
                return -1;
            }
            Separator separator = separatorAt(schemeEnd);
            if (separator == null) {
                return -1;
            }
            int authority = schemeEnd + separator.length;
            int hostStart = afterUserInfo(authority);
            int hostEnd = host(hostStart);
            if (hostEnd == hostStart) {
                return -1;
            }
            int end = rest(portEnd(hostEnd), separator);
            end = trim(start, end, hostEnd);
            if (separator == Separator.PERCENT || isDefangedScheme(start, schemeEnd)
                    || hasBracket(authority, hostEnd)) {
                add(new StringBuilder(end - start)
                        .append(Refang.scheme(s.substring(start, schemeEnd))).append("://")
                        .append(refangHost(authority, hostEnd))
                        .append(separator.unescape(s.substring(hostEnd, end))).toString());
            } else if (separator == Separator.PLAIN) {
                add(new String(a, start, end - start));
            } else {
                add(jsonUnescaped(start, schemeEnd, authority, hostEnd, end));
            }
            lookInside(start, end);
            return hostEnd;
        }

        /** The JSON-escaped link {@code s[start, end)} with {@code ://} for its separator and {@code /} for {@code \/}. */
        private String jsonUnescaped(int start, int schemeEnd, int authority, int hostEnd, int end) {
            char[] out = new char[end - start];
            int length = schemeEnd - start;
            System.arraycopy(a, start, out, 0, length);
            out[length++] = ':';
            out[length++] = '/';
            out[length++] = '/';
            System.arraycopy(a, authority, out, length, hostEnd - authority);
            length += hostEnd - authority;
            int k = hostEnd;
            while (k < end) {
                char c = a[k];
                if (c == '\\' && k + 1 < end && a[k + 1] == '/') {
                    out[length++] = '/';
                    k += 2;
                } else {
                    out[length++] = c;
                    k++;
                }
            }
            return new String(out, 0, length);
        }

        /** Whether the scheme {@code s[start, end)} starts with {@code hxxp}, in any case. */
        private boolean isDefangedScheme(int start, int end) {
            return end - start >= 4 && (a[start] | 0x20) == 'h' && (a[start + 1] | 0x20) == 'x'
                    && (a[start + 2] | 0x20) == 'x' && (a[start + 3] | 0x20) == 'p';
        }

        /** Whether {@code s[from, to)} holds a {@code [} or a {@code (}, as a defanged dot does. */
        private boolean hasBracket(int from, int to) {
            for (int k = from; k < to; k++) {
                char c = a[k];
                if (c == '[' || c == '(') {
                    return true;
                }
            }
            return false;
        }

        /**
         * Takes the bare host link starting at {@code start}, if there is one; returns where to look next. A host
         * that is no link is skipped whole: its later labels would make no link either. In {@code here.https://…}
         * the last label is the scheme of the next link.
         */
        private int bareLink(int start) {
            if (start > 0 && isBareHostBlocker(a[start - 1])) {
                int end = wordEnd(start);
                int glued = gluedSchemeLink(start, end);
                return glued >= 0 ? glued : end;
            }
            int hostEnd = host(start);
            if (separatorAt(hostEnd) != null) {
                if (labelCount > 1) {
                    return lastLabelStart;
                }
                int glued = gluedSchemeLink(start, hostEnd);
                if (glued >= 0) {
                    return glued;
                }
            }
            if (labelCount < 2 || hostEnd < n && a[hostEnd] == '@' || !isTopLevelDomain(lastLabelStart, hostEnd)
                    || FILE_EXTENSIONS.contains(s.substring(lastLabelStart, hostEnd).toLowerCase(Locale.ROOT))
                    || REVERSE_DNS_ROOTS.contains(s.substring(start, firstLabelEnd).toLowerCase(Locale.ROOT))) {
                return Math.max(hostEnd, wordEnd(start));
            }
            int end = trim(start, rest(portEnd(hostEnd), Separator.PLAIN), hostEnd);
            add(hasBracket(start, hostEnd) ? refangHost(start, hostEnd) + s.substring(hostEnd, end)
                    : new String(a, start, end - start));
            lookInside(start, end);
            return hostEnd;
        }

        /**
         * Takes the scheme link whose scheme ends the word {@code [start, end)} after letters of another script (or
         * an underscore), as in {@code 请点击https://…}; returns where to look next, or -1 when there is none.
         */
        private int gluedSchemeLink(int start, int end) {
            if (separatorAt(end) == null) {
                return -1;
            }
            int scheme = end;
            while (scheme > start && isSchemeCharAt(scheme - 1)) {
                scheme--;
            }
            while (scheme < end && !isAsciiLetter(a[scheme])) {
                scheme++;
            }
            return scheme > start ? schemeLink(scheme) : -1;
        }

        /** Makes the scan look for links nested in the link just taken, unless it is itself nested. */
        private void lookInside(int start, int end) {
            if (start >= insideUntil) {
                insideUntil = end;
                nestedLeft = MAX_NESTED_LINKS;
            }
        }

        /** The end of the host starting at {@code from}: labels, or an IPv6 literal in brackets. */
        private int host(int from) {
            char[] a = this.a;
            int n = this.n;
            boolean[] label = ASCII_LABEL;
            labelCount = 0;
            if (from < n && a[from] == '[' && !isDefangedDot(from)) {
                int k = from + 1;
                while (k < n && (isHexDigit(a[k]) || a[k] == ':' || a[k] == '.')) {
                    k++;
                }
                return k < n && a[k] == ']' && k > from + 1 ? k + 1 : from;
            }
            int end = from;
            int k = from;
            while (true) {
                int labelStart = k;
                while (k < n) {
                    char c = a[k];
                    if (c < 0x80 ? !label[c] : !Character.isLetterOrDigit(c)) {
                        break;
                    }
                    k++;
                }
                if (k == labelStart) {
                    return end;
                }
                if (labelCount++ == 0) {
                    firstLabelEnd = k;
                }
                lastLabelStart = labelStart;
                end = k;
                if (k < n && a[k] == '.') {
                    k++;
                } else if (isDefangedDot(k)) {
                    k += 3;
                } else {
                    return end;
                }
            }
        }

        /** Whether a defanged dot, {@code [.]} or {@code (.)}, starts at {@code at}. */
        private boolean isDefangedDot(int at) {
            if (at + 2 >= n || a[at + 1] != '.') {
                return false;
            }
            char open = a[at];
            char close = a[at + 2];
            return open == '[' && close == ']' || open == '(' && close == ')';
        }

        /** Past a user name and password ending in {@code @} before the host, if there is one. */
        private int afterUserInfo(int from) {
            char[] a = this.a;
            boolean[] terminator = ASCII_TERMINATOR;
            int at = -1;
            for (int k = from, to = Math.min(n, from + MAX_USER_INFO); k < to; k++) {
                char c = a[k];
                if (c == '@') {
                    at = k;
                } else if (c == '/' || c == '?' || c == '#' || c == '\\'
                        || (c < 0x80 ? terminator[c] : isTerminator(c))) {
                    break;
                }
            }
            return at >= 0 ? at + 1 : from;
        }

        private int portEnd(int hostEnd) {
            int k = hostEnd + 1;
            if (hostEnd < n && a[hostEnd] == ':') {
                while (k < n && isDigit(a[k])) {
                    k++;
                }
                if (k > hostEnd + 1 && (k == n || !isLabelChar(a[k]))) {
                    return k;
                }
            }
            return hostEnd;
        }

        /** The end of the path, query and fragment after {@code from}, if one starts there. */
        private int rest(int from, Separator separator) {
            if (from >= n || !startsPath(separator, from)) {
                return from;
            }
            char[] a = this.a;
            int n = this.n;
            boolean[] terminator = ASCII_TERMINATOR;
            boolean percent = separator == Separator.PERCENT;
            int k = from;
            while (k < n) {
                char c = a[k];
                if ((c < 0x80 ? terminator[c] : isTerminator(c)) || c == '\\' && !(k + 1 < n && a[k + 1] == '/')
                        || c == '&' && percent) {
                    break;
                }
                k++;
            }
            return k;
        }

        /** {@link Separator#startsPath} on the text. */
        private boolean startsPath(Separator separator, int at) {
            char c = a[at];
            return switch (separator) {
                case PLAIN -> c == '/' || c == '?' || c == '#';
                case JSON_ESCAPED -> c == '?' || c == '#' || c == '\\' && at + 1 < n && a[at + 1] == '/';
                case PERCENT -> c == '/' || c == '?' || c == '#' || c == '%' && at + 2 < n
                        && (a[at + 1] == '2' && ((a[at + 2] | 0x20) == 'f' || a[at + 2] == '3')
                        || a[at + 1] == '3' && (a[at + 2] | 0x20) == 'f');
            };
        }

        /** Drops trailing punctuation and unbalanced closing brackets, never cutting into the host. */
        private int trim(int start, int end, int min) {
            int[] depths = null;
            while (end > min) {
                char c = a[end - 1];
                int bracket = closingBracket(c);
                if (bracket >= 0) {
                    if (depths == null) {
                        depths = bracketDepths(start, end);
                    }
                    if (depths[bracket] >= 0) {
                        return end;
                    }
                    depths[bracket]++;
                } else if (!isTrailingPunctuation(c)) {
                    return end;
                }
                end--;
            }
            return end;
        }

        /** Openings minus closings of each kind of bracket in {@code s[start, end)}. */
        private int[] bracketDepths(int start, int end) {
            int[] depths = new int[CLOSING_BRACKETS.length()];
            for (int k = start; k < end; k++) {
                char c = a[k];
                int open = OPENING_BRACKETS.indexOf(c);
                if (open >= 0) {
                    depths[open]++;
                } else {
                    int close = CLOSING_BRACKETS.indexOf(c);
                    if (close >= 0) {
                        depths[close]--;
                    }
                }
            }
            return depths;
        }

        private String refangHost(int from, int to) {
            return Refang.dots(s.substring(from, to));
        }

        private boolean isTopLevelDomain(int from, int to) {
            if (to - from < 2) {
                return false;
            }
            boolean lower = false;
            boolean upper = false;
            for (int k = from; k < to; k++) {
                char c = a[k];
                if (!Character.isLetter(c)) {
                    return false;
                }
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
            }
            return !(lower && upper);
        }

        /** {@code ://}, {@code :\/\/} or {@code %3A%2F%2F} (in any case) at {@code at}, or null. */
        private Separator separatorAt(int at) {
            if (at >= n) {
                return null;
            }
            char[] a = this.a;
            char c = a[at];
            if (c == ':') {
                if (at + 2 < n && a[at + 1] == '/' && a[at + 2] == '/') {
                    return Separator.PLAIN;
                }
                if (at + 4 < n && a[at + 1] == '\\' && a[at + 2] == '/' && a[at + 3] == '\\' && a[at + 4] == '/') {
                    return Separator.JSON_ESCAPED;
                }
            } else if (c == '%' && at + 8 < n && a[at + 1] == '3' && (a[at + 2] | 0x20) == 'a' && a[at + 3] == '%'
                    && a[at + 4] == '2' && (a[at + 5] | 0x20) == 'f' && a[at + 6] == '%' && a[at + 7] == '2'
                    && (a[at + 8] | 0x20) == 'f') {
                return Separator.PERCENT;
            }
            return null;
        }

        private boolean isSchemeCharAt(int at) {
            char c = a[at];
            return c < 0x80 && ASCII_SCHEME[c];
        }

        private int wordEnd(int from) {
            char[] a = this.a;
            int n = this.n;
            boolean[] label = ASCII_LABEL;
            int k = from;
            while (k < n) {
                char c = a[k];
                if (c < 0x80 ? !label[c] : !Character.isLetterOrDigit(c)) {
                    break;
                }
                k++;
            }
            return Math.max(k, from + 1);
        }

        /** Adds the link unless it was found before: by comparison while there are few, through a set beyond. */
        private void add(String link) {
            if (seen != null) {
                if (!seen.add(link)) {
                    return;
                }
            } else if (found.contains(link)) {
                return;
            } else if (found.size() == FEW_LINKS) {
                seen = new HashSet<>(found);
                seen.add(link);
            }
            found.add(link);
        }
    }

    /** Whether {@code c} is in {@link #LINK_CONTINUATIONS}. */
    private static boolean isLinkContinuation(char c) {
        return c == '.' || c == '[' || c == '(' || c == ':' || c == '%' || c == '+';
    }

    /** Whether a bare host after {@code c} is no link: {@code @}, {@code /}, {@code \} or {@code .}. */
    private static boolean isBareHostBlocker(char c) {
        return c == '@' || c == '/' || c == '\\' || c == '.';
    }

    /** Whether {@code c} is in {@link #TRAILING_PUNCTUATION}. */
    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\'' || c == '*';
    }

    /** The index of {@code c} in {@link #CLOSING_BRACKETS}, or -1. */
    private static int closingBracket(char c) {
        return c == ')' ? 0 : c == ']' ? 1 : c == '}' ? 2 : -1;
    }

    /** The ways {@code ://} is written, and how the rest of such a link is unescaped. */
    private enum Separator {
        PLAIN("://"),
        JSON_ESCAPED(":\\/\\/"),
        PERCENT("%3a%2f%2f");

        private final String text;
        private final int length;

        Separator(String text) {
            this.text = text;
            this.length = text.length();
        }

        boolean startsPath(String s, int at) {
            char c = s.charAt(at);
            return switch (this) {
                case PLAIN -> c == '/' || c == '?' || c == '#';
                case JSON_ESCAPED -> c == '?' || c == '#' || s.startsWith("\\/", at);
                case PERCENT -> c == '/' || c == '?' || c == '#' || s.regionMatches(true, at, "%2f", 0, 3)
                        || s.regionMatches(true, at, "%3f", 0, 3) || s.regionMatches(true, at, "%23", 0, 3);
            };
        }

        String unescape(String rest) {
            return switch (this) {
                case PLAIN -> rest;
                case JSON_ESCAPED -> rest.replace("\\/", "/");
                case PERCENT -> percentDecoded(rest);
            };
        }
    }

    /** The text with its {@code %XX} sequences decoded as UTF-8; malformed ones are kept as written. */
    private static String percentDecoded(String text) {
        if (text.indexOf('%') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int i = 0;
        while (i < text.length()) {
            while (i + 2 < text.length() && text.charAt(i) == '%' && isHexDigit(text.charAt(i + 1))
                    && isHexDigit(text.charAt(i + 2))) {
                bytes.write(Integer.parseInt(text, i + 1, i + 3, 16));
                i += 3;
            }
            if (bytes.size() > 0) {
                out.append(bytes.toString(StandardCharsets.UTF_8));
                bytes.reset();
            }
            if (i < text.length()) {
                out.append(text.charAt(i++));
            }
        }
        return out.toString();
    }

    private static boolean isLabelChar(char c) {
        return c < 0x80 ? isAsciiLetter(c) || isDigit(c) || c == '-' || c == '_' : Character.isLetterOrDigit(c);
    }

    private static boolean isSchemeChar(char c) {
        return isAsciiLetter(c) || isDigit(c) || c == '+' || c == '-';
    }

    private static boolean isTerminator(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)
                || TERMINATORS.indexOf(c) >= 0;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isHexDigit(char c) {
        return isDigit(c) || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
    }
}
