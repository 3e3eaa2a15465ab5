package org.bridle.cli;

import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * bridle's commands, given to picocli only as far as a command line needs them. Picocli reflects over every command
 * object it is given (about 0.15 s of CPU for the whole tree, at start-up, before any work), so a command line that
 * names a command path ({@code ios check-backup}) gets just that path; at each level where the next word names no
 * command ({@code --help}, a typo, nothing), all the commands of that level and below are added, so that help,
 * usage errors and suggestions are exactly those of the whole tree.
 */
final class CommandTree {
    /** A command, its picocli name (as in its {@code @Command} annotation) and its sub-commands, in help order. */
    private record Node(String name, Function<Console, Object> command, List<Node> children) {
        static Node leaf(String name, Function<Console, Object> command) {
            return new Node(name, command, List.of());
        }
    }

    private static final List<Node> COMMANDS = List.of(
            new Node("ios", IosCommand::new, List.of(
                    Node.leaf("check-backup", IosCommand.CheckBackup::new),
                    Node.leaf("decrypt-backup", IosCommand.DecryptBackup::new),
                    Node.leaf("check-fs", IosCommand.CheckFs::new))),
            new Node("android", AndroidCommand::new, List.of(
                    Node.leaf("check-bugreport", AndroidCommand.CheckBugreport::new),
                    Node.leaf("check-androidqf", AndroidCommand.CheckAndroidQf::new),
                    Node.leaf("check-backup", AndroidCommand.CheckBackup::new))),
            new Node("iocs", IocsCommand::new, List.of(
                    Node.leaf("list", IocsCommand.ListFamilies::new))),
            Node.leaf("demo", DemoCommand::new));

    private CommandTree() {
    }

    /** The {@code bridle} command with the sub-commands {@code args} needs, as the class comment says. */
    static CommandLine forArguments(Console console, String... args) {
        CommandLine root = new CommandLine(new BridleCommand(console));
        addNeeded(root, COMMANDS, console, args, 0);
        return root;
    }

    private static void addNeeded(CommandLine parent, List<Node> level, Console console, String[] args, int word) {
        String named = word < args.length ? args[word] : null;
        List<Node> chosen = level.stream().filter(node -> node.name().equals(named)).toList();
        for (Node node : chosen.isEmpty() ? level : chosen) {
            CommandLine command = new CommandLine(node.command().apply(console));
            addNeeded(command, node.children(), console, args, chosen.isEmpty() ? args.length : word + 1);
            parent.addSubcommand(command);
        }
    }
}
