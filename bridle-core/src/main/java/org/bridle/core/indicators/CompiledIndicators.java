package org.bridle.core.indicators;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The built-in feeds parsed at build time, in a compact binary form that a check reads without a JSON or YAML
 * parser. The build runs {@link #main} after compiling bridle-core: it parses every shipped feed with
 * {@link StixBundleLoader} or {@link StalkerwareYamlLoader}, as {@link BuiltinIndicators} lists them, and writes the
 * result as the class-path resource {@link #RESOURCE}.
 *
 * <p>The format (big-endian, as {@link DataOutputStream} writes): the magic {@code BRIX}, the format version
 * ({@code int}), the string table (a count, then each string as its UTF-8 byte count and bytes), then the files (a
 * count, then for each: its name, location and SHA-256 as string numbers, and its length in bytes ({@code long});
 * its indicators, a count then each as its type's ordinal ({@code byte}) and its value, family, source file and
 * object id as string numbers, {@code -1} for no object id; its problems, a count then each as its file, object id
 * and reason as string numbers).
 */
public final class CompiledIndicators {
    /** The class-path resource, relative to this package. */
    static final String RESOURCE = "builtin/compiled-indicators.bin";

    private static final int MAGIC = 0x42524958; // "BRIX"
    private static final int VERSION = 2;
    /** The largest count (of strings, files, indicators, problems or bytes of a string) a sound file holds. */
    private static final int MAX_COUNT = 1 << 24;
    private static final IndicatorType[] TYPES = IndicatorType.values();

    private CompiledIndicators() {
    }

    /**
     * Writes the compiled built-in feeds into a class-path folder.
     *
     * @param args the class-path folder ({@code target/classes})
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: CompiledIndicators CLASSES_DIR");
        }
        Path target = Path.of(args[0]).resolve(CompiledIndicators.class.getPackageName().replace('.', '/'))
                .resolve(RESOURCE);
        Files.createDirectories(target.getParent());
        List<IndicatorFile> files = BuiltinIndicators.feeds().stream().map(BuiltinIndicators::parse).toList();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(target))) {
            write(files, out);
        }
    }

    /** Writes files in this format. */
    static void write(List<IndicatorFile> files, OutputStream out) throws IOException {
        List<String> strings = new ArrayList<>();
        Map<String, Integer> numbers = new HashMap<>();
        for (IndicatorFile file : files) {
            for (String s : List.of(file.name(), file.location(), file.sha256())) {
                numbers.computeIfAbsent(s, key -> add(strings, key));
            }
            for (Indicator indicator : file.indicators()) {
                for (String s : new String[] {indicator.value(), indicator.family(), indicator.sourceFile(),
                        indicator.objectId()}) {
                    if (s != null) {
                        numbers.computeIfAbsent(s, key -> add(strings, key));
                    }
                }
            }
            for (Problem problem : file.problems()) {
                for (String s : List.of(problem.file(), problem.objectId(), problem.reason())) {
                    numbers.computeIfAbsent(s, key -> add(strings, key));
                }
            }
        }
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(strings.size());
        for (String s : strings) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            data.writeInt(bytes.length);
            data.write(bytes);
        }
        data.writeInt(files.size());
        for (IndicatorFile file : files) {
            data.writeInt(numbers.get(file.name()));
            data.writeInt(numbers.get(file.location()));
            data.writeInt(numbers.get(file.sha256()));
            data.writeLong(file.content().length());
            data.writeInt(file.indicators().size());
            for (Indicator indicator : file.indicators()) {
                data.writeByte(indicator.type().ordinal());
                data.writeInt(numbers.get(indicator.value()));
                data.writeInt(numbers.get(indicator.family()));
                data.writeInt(numbers.get(indicator.sourceFile()));
                data.writeInt(indicator.objectId() == null ? -1 : numbers.get(indicator.objectId()));
            }
            data.writeInt(file.problems().size());
            for (Problem problem : file.problems()) {
                data.writeInt(numbers.get(problem.file()));
                data.writeInt(numbers.get(problem.objectId()));
                data.writeInt(numbers.get(problem.reason()));
            }
        }
        data.flush();
    }

    private static int add(List<String> strings, String s) {
        strings.add(s);
        return strings.size() - 1;
    }

    /**
     * Reads the compiled built-in feeds from the class path.
     *
     * @throws IllegalStateException when the resource is missing or damaged
     */
    static List<IndicatorFile> load() {
        try (InputStream in = CompiledIndicators.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw unusable("are missing");
            }
            return read(in);
        } catch (IOException e) {
            IllegalStateException unreadable = unusable("cannot be read (" + e.getMessage() + ")");
            unreadable.initCause(e);
            throw unreadable;
        }
    }

    private static IllegalStateException unusable(String what) {
        return new IllegalStateException("The compiled built-in indicators (resource " + RESOURCE + ") " + what
                + ": build bridle with Maven (./mvnw package), which compiles them from the shipped feeds.");
    }

    /**
     * Reads files in this format.
     *
     * @throws IllegalStateException when the bytes are not a whole compiled file of this version
     * @throws IOException when the stream cannot be read
     */
    static List<IndicatorFile> read(InputStream in) throws IOException {
        DataInputStream data = new DataInputStream(new BufferedInputStream(in, 1 << 16));
        try {
            if (data.readInt() != MAGIC) {
                throw unusable("are not in the compiled indicator format");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw unusable("have format version " + version + ", not " + VERSION);
            }
            int stringCount = count(data);
            List<String> table = new ArrayList<>(Math.min(stringCount, 1 << 16));
            for (int i = 0; i < stringCount; i++) {
                byte[] bytes = new byte[count(data)];
                data.readFully(bytes);
                table.add(new String(bytes, StandardCharsets.UTF_8));
            }
            String[] strings = table.toArray(String[]::new);
            int fileCount = count(data);
            List<IndicatorFile> files = new ArrayList<>(Math.min(fileCount, 1 << 10));
            for (int f = 0; f < fileCount; f++) {
                String name = string(data, strings);
                String location = string(data, strings);
                ContentDigest content = ContentDigest.known(string(data, strings), data.readLong());
                int indicatorCount = count(data);
                List<Indicator> indicators = new ArrayList<>(Math.min(indicatorCount, 1 << 16));
                for (int i = 0; i < indicatorCount; i++) {
                    int type = data.readUnsignedByte();
                    if (type >= TYPES.length) {
                        throw unusable("are damaged (an unknown indicator type)");
                    }
                    indicators.add(new Indicator(TYPES[type], string(data, strings), string(data, strings),
                            string(data, strings), optionalString(data, strings)));
                }
                int problemCount = count(data);
                List<Problem> problems = new ArrayList<>(Math.min(problemCount, 1 << 16));
                for (int i = 0; i < problemCount; i++) {
                    problems.add(new Problem(string(data, strings), string(data, strings), string(data, strings)));
                }
                files.add(new IndicatorFile(name, location, content, indicators, problems));
            }
            if (data.read() != -1) {
                throw unusable("are damaged (bytes after their end)");
            }
            return List.copyOf(files);
        } catch (EOFException e) {
            throw unusable("are damaged (truncated)");
        }
    }

    private static int count(DataInputStream data) throws IOException {
        int count = data.readInt();
        if (count < 0 || count > MAX_COUNT) {
            throw unusable("are damaged (a count of " + count + ")");
        }
        return count;
    }

    private static String string(DataInputStream data, String[] strings) throws IOException {
        return string(data.readInt(), strings);
    }

    private static String optionalString(DataInputStream data, String[] strings) throws IOException {
        int number = data.readInt();
        return number == -1 ? null : string(number, strings);
    }

    private static String string(int number, String[] strings) {
        if (number < 0 || number >= strings.length) {
            throw unusable("are damaged (string number " + number + " of " + strings.length + ")");
        }
        return strings[number];
    }
}
