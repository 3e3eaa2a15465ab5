package org.bridle.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

class CommandTreeTest {
    private static final Console CONSOLE = new Console(new PrintStream(new ByteArrayOutputStream()),
            new PrintStream(new ByteArrayOutputStream()), Map.of());

    @ParameterizedTest
    @CsvSource({"ios,check-backup", "ios,decrypt-backup", "ios,check-fs", "android,check-bugreport",
        "android,check-androidqf", "android,check-backup", "iocs,list"})
    void aNamedPathGetsOnlyItsCommands(String command, String subcommand) {
        CommandLine root = CommandTree.forArguments(CONSOLE, command, subcommand, "--output", "x", "evidence");

        assertThat(root.getSubcommands().keySet()).containsExactly(command);
        assertThat(root.getSubcommands().get(command).getSubcommands().keySet()).containsExactly(subcommand);
    }

    @Test
    void aLevelNamingNoCommandGetsAllItsCommands() {
        CommandLine iosHelp = CommandTree.forArguments(CONSOLE, "ios", "--help");

        assertThat(iosHelp.getSubcommands().keySet()).containsExactly("ios");
        assertThat(iosHelp.getSubcommands().get("ios").getSubcommands().keySet())
                .containsExactly("check-backup", "decrypt-backup", "check-fs");
    }

    @Test
    void noCommandNamedGetsTheWholeTreeInHelpOrder() {
        for (String[] args : List.of(new String[0], new String[] {"--help"}, new String[] {"iso", "check-backup"})) {
            CommandLine root = CommandTree.forArguments(CONSOLE, args);

            assertThat(root.getSubcommands().keySet()).containsExactly("ios", "android", "iocs", "demo");
            assertThat(root.getSubcommands().get("android").getSubcommands().keySet())
                    .containsExactly("check-bugreport", "check-androidqf", "check-backup");
            assertThat(root.getSubcommands().get("iocs").getSubcommands().keySet()).containsExactly("list");
        }
    }
}
