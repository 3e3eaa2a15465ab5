package org.bridle.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;

/**
 * The password of an encrypted backup, from the first of: {@code --password-file}, the environment variable
 * {@value #ENVIRONMENT_VARIABLE}, a prompt without echo when bridle runs on a terminal. Any Unicode text is a
 * password, taken as it is (no trimming, no normalization) but for one line end at the end of a file.
 */
final class Passwords implements PasswordSource {
    /** The environment variable that may hold the password. */
    static final String ENVIRONMENT_VARIABLE = "BRIDLE_BACKUP_PASSWORD";

    private final Path file;
    private final Map<String, String> environment;
    private final Optional<java.io.Console> terminal;

    Passwords(Path file, Map<String, String> environment, Optional<java.io.Console> terminal) {
        this.file = file;
        this.environment = environment;
        this.terminal = terminal;
    }

    /** The console when bridle runs interactively ({@code Console.isTerminal()} from Java 22), else empty. */
    static Optional<java.io.Console> interactiveConsole() {
        java.io.Console console = System.console();
        if (console == null) {
            return Optional.empty();
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console)
                    ? Optional.of(console) : Optional.empty();
        } catch (ReflectiveOperationException beforeJava22) {
            return Optional.of(console);
        }
    }

    @Override
    public char[] password(String evidence) throws InputException {
        if (file != null) {
            return fromFile();
        }
        String fromEnvironment = environment.get(ENVIRONMENT_VARIABLE);
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return fromEnvironment.toCharArray();
        }
        if (terminal.isPresent()) {
            char[] typed = terminal.get().readPassword("Password of %s: ", evidence);
            if (typed == null) {
                throw new InputException("No password was typed for " + evidence + ".");
            }
            return typed;
        }
        throw new InputException("A password is needed for " + evidence + ": give it with --password-file FILE or "
                + "the environment variable " + ENVIRONMENT_VARIABLE + ", or run bridle on a terminal to be asked "
                + "for it.");
    }

    private char[] fromFile() throws InputException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new InputException("The password file " + file + " cannot be read: " + Check.reason(e) + ".", e);
        }
        int length = bytes.length;
        if (length > 0 && bytes[length - 1] == '\n') {
            length--;
            if (length > 0 && bytes[length - 1] == '\r') {
                length--;
            }
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, length));
            char[] password = Arrays.copyOfRange(chars.array(), chars.position(), chars.limit());
            Arrays.fill(chars.array(), '\0');
            return password;
        } catch (CharacterCodingException e) {
            throw new InputException("The password file " + file + " is not UTF-8 text.", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }
}
