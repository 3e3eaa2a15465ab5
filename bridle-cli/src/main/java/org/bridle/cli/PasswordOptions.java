package org.bridle.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSupplier;
import picocli.CommandLine.Option;

/**
 * Where the password of encrypted evidence comes from, asked only when the evidence is encrypted: the first line
 * of {@code --password-file}, else the {@code BRIDLE_BACKUP_PASSWORD} environment variable, else a prompt on the
 * terminal. A password is never taken as an argument, where other users could read it.
 */
final class PasswordOptions {
    static final String ENVIRONMENT = "BRIDLE_BACKUP_PASSWORD";

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password of encrypted evidence from the first line of this file (else from "
                    + ENVIRONMENT + ", else a prompt).")
    Path passwordFile;

    /** The password supplier these options describe, reading the environment given. */
    PasswordSupplier supplier(Map<String, String> environment) {
        return what -> {
            if (passwordFile != null) {
                return fromFile(what);
            }
            String fromEnvironment = environment.get(ENVIRONMENT);
            if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
                return fromEnvironment.toCharArray();
            }
            Console terminal = terminal();
            if (terminal == null) {
                throw new InputException(capitalized(what) + " is encrypted: give its password with --password-file"
                        + " FILE or the " + ENVIRONMENT + " environment variable.");
            }
            char[] typed = terminal.readPassword("Password of %s: ", what);
            if (typed == null) {
                throw new InputException("No password was given for " + what + ".");
            }
            return typed;
        };
    }

    private char[] fromFile(String what) throws InputException {
        try {
            String content = Files.readString(passwordFile, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String line = end < 0 ? content : content.substring(0, end);
            return (line.endsWith("\r") ? line.substring(0, line.length() - 1) : line).toCharArray();
        } catch (IOException e) {
            throw new InputException("The password file " + passwordFile + " for " + what + " cannot be read: "
                    + Check.reason(e) + ".", e);
        }
    }

    /**
     * The console when it is an interactive terminal, else null: from Java 22 {@code System.console()} is not null
     * when input is redirected, and {@code Console.isTerminal()} tells.
     */
    private static Console terminal() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console) ? console : null;
        } catch (ReflectiveOperationException beforeJava22) {
            return console;
        }
    }

    private static String capitalized(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
