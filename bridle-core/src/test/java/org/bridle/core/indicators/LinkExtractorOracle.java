package org.bridle.core.indicators;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
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
 *
 * <p>The oracle of {@link LinkExtractorDifferentialTest}: a verbatim copy of {@link LinkExtractor} as it was before
 * its scanning was made faster (commit 9e2df64), with {@code Refang} copied in as {@link OracleRefang}. Do not
 * change it: the faster extractor must give exactly its answers.
 */
final class LinkExtractorOracle {
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
    /** The longest user name and password looked for before a host. */
    private static final int MAX_USER_INFO = 256;

    private LinkExtractorOracle() {
    }

    /** The distinct links of the text, in order of first appearance; empty when it has none. */
    public static List<String> links(String text) {
        return new Scan(text).links();
    }

    /** One pass over one text. */
    private static final class Scan {
        private final String s;
        private final int n;
        private Set<String> found;
        /** The end of the link being looked into: before it, only nested scheme links are looked for. */
        private int insideUntil;
        /** How many more links may be taken before {@link #insideUntil}. */
        private int nestedLeft;
        private int labelCount;
        private int firstLabelEnd;
        private int lastLabelStart;

        Scan(String text) {
            this.s = text;
            this.n = text.length();
        }

        List<String> links() {
            int i = 0;
            while (i < n) {
                if (!isLabelChar(s.charAt(i)) || i > 0 && isLabelChar(s.charAt(i - 1))) {
                    i++;
                    continue;
                }
                int word = wordEnd(i);
                if (word == n || LINK_CONTINUATIONS.indexOf(s.charAt(word)) < 0) {
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
            return found == null ? List.of() : List.copyOf(found);
        }

        /** Takes the scheme link starting at {@code start}; returns where to look next, or -1 when there is none. */
        private int schemeLink(int start) {
            int schemeEnd = start;
            while (schemeEnd < n && isSchemeChar(s.charAt(schemeEnd))) {
                schemeEnd++;
            }
            if (schemeEnd - start < 2 || !isAsciiLetter(s.charAt(start))) {
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
            add(new StringBuilder(end - start)
                    .append(OracleRefang.scheme(s.substring(start, schemeEnd))).append("://")
                    .append(refangHost(authority, hostEnd))
                    .append(separator.unescape(s.substring(hostEnd, end))).toString());
            lookInside(start, end);
            return hostEnd;
        }

        /**
         * Takes the bare host link starting at {@code start}, if there is one; returns where to look next. A host
         * that is no link is skipped whole: its later labels would make no link either. In {@code here.https://…}
         * the last label is the scheme of the next link.
         */
        private int bareLink(int start) {
            if (start > 0 && "@/\\.".indexOf(s.charAt(start - 1)) >= 0) {
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
            if (labelCount < 2 || hostEnd < n && s.charAt(hostEnd) == '@' || !isTopLevelDomain(lastLabelStart, hostEnd)
                    || FILE_EXTENSIONS.contains(s.substring(lastLabelStart, hostEnd).toLowerCase(Locale.ROOT))
                    || REVERSE_DNS_ROOTS.contains(s.substring(start, firstLabelEnd).toLowerCase(Locale.ROOT))) {
                return Math.max(hostEnd, wordEnd(start));
            }
            int end = trim(start, rest(portEnd(hostEnd), Separator.PLAIN), hostEnd);
            add(refangHost(start, hostEnd) + s.substring(hostEnd, end));
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
            while (scheme > start && isSchemeChar(s.charAt(scheme - 1))) {
                scheme--;
            }
            while (scheme < end && !isAsciiLetter(s.charAt(scheme))) {
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
            labelCount = 0;
            if (from < n && s.charAt(from) == '[' && !OracleRefang.isDefangedDot(s, from)) {
                int k = from + 1;
                while (k < n && (isHexDigit(s.charAt(k)) || s.charAt(k) == ':' || s.charAt(k) == '.')) {
                    k++;
                }
                return k < n && s.charAt(k) == ']' && k > from + 1 ? k + 1 : from;
            }
            int end = from;
            int k = from;
            while (true) {
                int labelStart = k;
                while (k < n && isLabelChar(s.charAt(k))) {
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
                if (k < n && s.charAt(k) == '.') {
                    k++;
                } else if (OracleRefang.isDefangedDot(s, k)) {
                    k += 3;
                } else {
                    return end;
                }
            }
        }

        /** Past a user name and password ending in {@code @} before the host, if there is one. */
        private int afterUserInfo(int from) {
            int at = -1;
            for (int k = from; k < Math.min(n, from + MAX_USER_INFO); k++) {
                char c = s.charAt(k);
                if (c == '@') {
                    at = k;
                } else if (c == '/' || c == '?' || c == '#' || c == '\\' || isTerminator(c)) {
                    break;
                }
            }
            return at >= 0 ? at + 1 : from;
        }

        private int portEnd(int hostEnd) {
            int k = hostEnd + 1;
            if (hostEnd < n && s.charAt(hostEnd) == ':') {
                while (k < n && isDigit(s.charAt(k))) {
                    k++;
                }
                if (k > hostEnd + 1 && (k == n || !isLabelChar(s.charAt(k)))) {
                    return k;
                }
            }
            return hostEnd;
        }

        /** The end of the path, query and fragment after {@code from}, if one starts there. */
        private int rest(int from, Separator separator) {
            if (from >= n || !separator.startsPath(s, from)) {
                return from;
            }
            int k = from;
            while (k < n) {
                char c = s.charAt(k);
                if (isTerminator(c) || c == '\\' && !(k + 1 < n && s.charAt(k + 1) == '/')
                        || c == '&' && separator == Separator.PERCENT) {
                    break;
                }
                k++;
            }
            return k;
        }

        /** Drops trailing punctuation and unbalanced closing brackets, never cutting into the host. */
        private int trim(int start, int end, int min) {
            int[] depths = null;
            while (end > min) {
                char c = s.charAt(end - 1);
                int bracket = CLOSING_BRACKETS.indexOf(c);
                if (bracket >= 0) {
                    if (depths == null) {
                        depths = bracketDepths(start, end);
                    }
                    if (depths[bracket] >= 0) {
                        return end;
                    }
                    depths[bracket]++;
                } else if (TRAILING_PUNCTUATION.indexOf(c) < 0) {
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
                char c = s.charAt(k);
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
            String host = s.substring(from, to);
            return host.replace("[.]", ".").replace("(.)", ".");
        }

        private boolean isTopLevelDomain(int from, int to) {
            if (to - from < 2) {
                return false;
            }
            boolean lower = false;
            boolean upper = false;
            for (int k = from; k < to; k++) {
                char c = s.charAt(k);
                if (!Character.isLetter(c)) {
                    return false;
                }
                lower |= c >= 'a' && c <= 'z';
                upper |= c >= 'A' && c <= 'Z';
            }
            return !(lower && upper);
        }

        private Separator separatorAt(int at) {
            if (at >= n || s.charAt(at) != ':' && s.charAt(at) != '%') {
                return null;
            }
            for (Separator separator : SEPARATORS) {
                if (s.regionMatches(true, at, separator.text, 0, separator.length)) {
                    return separator;
                }
            }
            return null;
        }

        private int wordEnd(int from) {
            int k = from;
            while (k < n && isLabelChar(s.charAt(k))) {
                k++;
            }
            return Math.max(k, from + 1);
        }

        private void add(String link) {
            if (found == null) {
                found = new LinkedHashSet<>();
            }
            found.add(link);
        }
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

    static final class OracleRefang {
        private OracleRefang() {
        }

        /** {@code hxxp} and {@code hxxps}, any case, as {@code http} and {@code https}; another scheme as it is. */
        static String scheme(String scheme) {
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("hxxp") || lower.equals("hxxps") ? "http" + scheme.substring(4) : scheme;
        }

        /** Whether a defanged dot, {@code [.]} or {@code (.)}, starts at {@code at}. */
        static boolean isDefangedDot(CharSequence text, int at) {
            if (at + 2 >= text.length() || text.charAt(at + 1) != '.') {
                return false;
            }
            char open = text.charAt(at);
            char close = text.charAt(at + 2);
            return open == '[' && close == ']' || open == '(' && close == ')';
        }
    }
}
