package org.bridle.cli;

import java.util.concurrent.Callable;
import org.bridle.core.source.PasswordSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bridle android}: the Android commands. */
@Command(name = "android", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "Check Android evidence.")
final class AndroidCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    private final Console console;

    AndroidCommand(Console console) {
        this.console = console;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(console.err());
        return ExitCode.USAGE;
    }

    /** {@code bridle android check-bugreport}. */
    @Command(name = "check-bugreport", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check an Android bugreport (made by 'adb bugreport') for traces of spyware and stalkerware.",
                "INPUT is the bugreport zip, or the folder it was unpacked into."})
    static final class CheckBugreport extends CheckCommand {
        CheckBugreport(Console console) {
            super(console, "android-bugreport");
        }
    }

    /** {@code bridle android check-androidqf}. */
    @Command(name = "check-androidqf", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check an AndroidQF acquisition for traces of spyware and stalkerware, with the bugreport.zip and "
                        + "backup.ab it holds.",
                "INPUT is the acquisition folder, or its zip."})
    static final class CheckAndroidQf extends CheckCommand {
        @Mixin
        PasswordOptions password = new PasswordOptions();

        CheckAndroidQf(Console console) {
            super(console, "android-androidqf");
        }

        @Override
        PasswordSource passwords() {
            return new Passwords(password.passwordFile, console().environment(), Passwords.interactiveConsole());
        }
    }

    /** {@code bridle android check-backup}. */
    @Command(name = "check-backup", mixinStandardHelpOptions = true, versionProvider = Version.class,
            description = {
                "Check an Android backup (made by 'adb backup', plain or encrypted) for traces of spyware and "
                        + "stalkerware.",
                "INPUT is the .ab file, or the folder it was unpacked into (holding apps/)."})
    static final class CheckBackup extends CheckCommand {
        @Mixin
        PasswordOptions password = new PasswordOptions();

        CheckBackup(Console console) {
            super(console, "android-backup");
        }

        @Override
        PasswordSource passwords() {
            return new Passwords(password.passwordFile, console().environment(), Passwords.interactiveConsole());
        }
    }
}
