package org.bridle.bench;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.bridle.core.io.EvidenceFormatException;
import org.bridle.core.io.KeyedArchive;
import org.bridle.ios.artifacts.MbFileFields;
import org.bridle.ios.artifacts.MbFileValues;
import org.bridle.testkit.ios.MbFile;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * The metadata of Manifest.db's {@code MBFile} blobs, as the test kit writes them (what the synthetic backup of
 * {@link CheckBench} holds), on one thread: read directly ({@link MbFileFields}) or decoded in full with the general
 * keyed-archive decoder. Each operation is one blob.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class ManifestBlobBenchmark {
    private static final int BLOBS = 1024;

    private byte[][] blobs;
    private int next;

    @Setup
    public void setUp() {
        GeneratedNames names = new GeneratedNames(3);
        Instant time = Instant.parse("2024-05-01T12:00:00Z");
        blobs = new byte[BLOBS][];
        for (int i = 0; i < BLOBS; i++) {
            String path = "Library/" + names.label() + "/" + names.label() + "-" + i + ".dat";
            MbFile file = i % 10 == 0 ? MbFile.directory(path) : MbFile.file(path, 1_000L * i);
            blobs[i] = file.inode(100_000L + i).times(time.minusSeconds(i), time, time.plusSeconds(i)).bytes();
        }
    }

    @Benchmark
    public MbFileValues plainReader() {
        return MbFileFields.read(blobs[next++ & (BLOBS - 1)]);
    }

    @Benchmark
    public Object keyedArchive() throws EvidenceFormatException {
        return KeyedArchive.decode(blobs[next++ & (BLOBS - 1)]);
    }
}
