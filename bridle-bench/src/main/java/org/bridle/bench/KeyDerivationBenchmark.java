package org.bridle.bench;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.bridle.ios.backup.crypto.Pbkdf2;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The key derivation of a backup written by recent iOS: PBKDF2-HMAC-SHA256 with 10,000,000 rounds, then
 * PBKDF2-HMAC-SHA1 with 10,000 rounds on its output. Each operation is one whole derivation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class KeyDerivationBenchmark {
    private final byte[] password = "Pässwörd 🔐".getBytes(StandardCharsets.UTF_8);
    private final byte[] salt = "twenty bytes of salt".getBytes(StandardCharsets.US_ASCII);

    @Benchmark
    public byte[] derive() {
        byte[] first = Pbkdf2.derive(Pbkdf2.HMAC_SHA256, password, salt, 10_000_000, 32);
        return Pbkdf2.derive(Pbkdf2.HMAC_SHA1, first, salt, 10_000, 32);
    }
}
