package org.bridle.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** How the commands that read encrypted backups are given the password. */
final class PasswordOptions {
    @Option(names = "--password-file", paramLabel = "FILE",
            description = "Read the password of an encrypted backup from this file (UTF-8; one line end at the end is "
                    + "ignored). Without it: the environment variable " + Passwords.ENVIRONMENT_VARIABLE
                    + ", else a prompt on the terminal (the password is not shown).")
    Path passwordFile;
}
