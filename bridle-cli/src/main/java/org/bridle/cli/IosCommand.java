package org.bridle.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.bridle.core.source.PasswordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code bridle ios}: the iOS commands. */
@Command(name = "ios", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check iOS evidence.")
final class IosCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Console console;

    IosCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitCode.USAGE;
    }

    /** {@code bridle ios check-backup}. */
    @Command(name = "check-backup", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check an iOS backup (made by Finder, iTunes or libimobiledevice) for traces of spyware.",
                "INPUT is the backup folder (holding Manifest.db and Info.plist), or a folder holding exactly one.",
                "An encrypted backup is checked in place, nothing decrypted is written to disk; its password comes "
                        + "from --password-file, else " + Passwords.ENVIRONMENT_VARIABLE + ", else a prompt."})
    static final class CheckBackup extends CheckCommand {
        @Mixin
        PasswordOptions password = new PasswordOptions();

        CheckBackup(Console console) {
            super(console, "ios-backup");
        }

        @Override
        PasswordSource passwords() {
            return new Passwords(password.passwordFile, console().environment(), Passwords.interactiveConsole());
        }
    }

    /** {@code bridle ios decrypt-backup}. */
    @Command(name = "decrypt-backup", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Write a decrypted copy of an encrypted iOS backup, in the same layout, with the SHA-256 of every "
                        + "file in info.json. 'check-backup' needs no such copy: it checks encrypted backups in place.",
                "The copy holds the phone owner's private data in the clear: keep it safe, delete it when done."},
            exitCodeListHeading = "%nExit codes:%n",
            exitCodeList = {
                "0:the copy is written",
                "1:the backup could not be decrypted (one sentence says why), or the copy cannot be written",
                "2:usage error (the destination is inside the evidence or not empty)",
                "3:the copy is written, but some files could not be decrypted (info.json lists them)"})
    static final class DecryptBackup implements Callable<Integer> {
        private final Console console;

        @Spec
        CommandSpec spec;

        @Option(names = "--destination", paramLabel = "DIR", required = true,
                description = "The new or empty folder to write the decrypted copy into (not inside the backup).")
        Path destination;

        @Mixin
        PasswordOptions password = new PasswordOptions();

        @Option(names = {"-v", "--verbose"}, description = "Show stack traces of failures.")
        boolean verbose;

        @Parameters(index = "0", paramLabel = "BACKUP", description = "The encrypted backup folder.")
        Path input;

        DecryptBackup(Console console) {
            this.console = console;
        }

        @Override
        public Integer call() {
            console.verbose(verbose);
            return new Decrypt(console, spec.qualifiedName()).run(input, destination,
                    new Passwords(password.passwordFile, console.environment(), Passwords.interactiveConsole()));
        }
    }

    /** {@code bridle ios check-fs}. */
    @Command(name = "check-fs", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check a full filesystem dump of an iPhone for traces of spyware.",
                "INPUT is the dump's folder (holding private/var, possibly under one leading folder), or a .tar,"
                        + " .tar.gz, .tgz or .zip of it, read in place without being extracted."})
    static final class CheckFs extends CheckCommand {
        CheckFs(Console console) {
            super(console, "ios-fs");
        }
    }
}
