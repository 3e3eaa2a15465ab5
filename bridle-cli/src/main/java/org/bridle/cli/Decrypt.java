package org.bridle.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.bridle.core.io.ScratchDirectory;
import org.bridle.core.source.CopiedFile;
import org.bridle.core.source.InputException;
import org.bridle.core.source.PasswordSource;

/**
 * Writes a decrypted copy of an encrypted backup ({@code ios decrypt-backup}) into a new or empty folder outside the
 * evidence, created owner-only where the file system allows, with {@code info.json} listing the SHA-256 of every
 * file written; returns the exit code. A copy that fails half-way is removed.
 */
final class Decrypt {
    private final Console console;
    private final String commandName;

    Decrypt(Console console, String commandName) {
        this.console = console;
        this.commandName = commandName;
    }

    int run(Path input, Path destination, PasswordSource passwords) {
        if (Check.Outputs.isInside(destination, input)) {
            return usage("The destination " + destination + " is inside the evidence " + input
                    + ": choose a folder outside it, so the evidence stays unchanged.");
        }
        if (Files.exists(destination) && !isEmptyFolder(destination)) {
            return usage("The destination " + destination + " is not an empty folder: choose a new or empty one, "
                    + "so nothing is overwritten.");
        }
        try {
            createPrivate(destination);
        } catch (IOException e) {
            console.error("The destination " + destination + " cannot be created: " + Check.reason(e) + ".", e);
            return ExitCode.INPUT_ERROR;
        }
        try {
            List<CopiedFile> files = Check.kind("ios-backup").decryptCopy(input, destination, passwords);
            writeInfo(destination, input, files);
            List<CopiedFile> failed = files.stream().filter(f -> !f.ok()).toList();
            console.out().println("Decrypted " + (files.size() - failed.size()) + " files into " + destination
                    + "; their SHA-256 are in info.json there.");
            for (CopiedFile f : failed) {
                console.err().println("bridle: left out " + f.path() + ": " + f.failure());
            }
            console.err().println("bridle: warning: the copy in " + destination + " holds the phone owner's private "
                    + "data in the clear: keep it safe, and delete it when it is no longer needed.");
            if (!failed.isEmpty()) {
                console.out().println(failed.size() + " file(s) could not be decrypted and were left out; "
                        + "info.json lists them with the reason.");
                return ExitCode.INCOMPLETE;
            }
            return ExitCode.CLEAN;
        } catch (InputException e) {
            clear(destination);
            console.error(e.getMessage(), e.getCause());
            return ExitCode.INPUT_ERROR;
        } catch (IOException e) {
            clear(destination);
            console.error("The decrypted copy cannot be written to " + destination + ": " + Check.reason(e) + ".", e);
            return ExitCode.INPUT_ERROR;
        }
    }

    private static boolean isEmptyFolder(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            return children.findAny().isEmpty();
        } catch (IOException e) {
            return false;
        }
    }

    private static void createPrivate(Path folder) throws IOException {
        if (Files.isDirectory(folder)) {
            return;
        }
        Files.createDirectories(folder.toAbsolutePath().getParent());
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } else {
            Files.createDirectory(folder);
        }
    }

    /** Removes what a failed copy wrote, keeping the (empty) folder itself. */
    private static void clear(Path folder) {
        try (Stream<Path> children = Files.list(folder)) {
            children.forEach(ScratchDirectory::deleteTree);
        } catch (IOException e) {
            // nothing was written, or the folder is gone
        }
    }

    private static void writeInfo(Path destination, Path input, List<CopiedFile> files) throws IOException {
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode info = json.createObjectNode();
        info.put("bridle_version", Version.get());
        info.put("date", Instant.now().toString());
        info.put("input", input.toString());
        ArrayNode list = info.putArray("files");
        ArrayNode leftOut = info.putArray("left_out");
        for (CopiedFile file : files) {
            if (file.ok()) {
                list.addObject().put("path", file.path()).put("sha256", file.sha256());
            } else {
                leftOut.addObject().put("path", file.path()).put("reason", file.failure());
            }
        }
        json.writeValue(destination.resolve("info.json").toFile(), info);
    }

    private int usage(String sentence) {
        console.err().println("bridle: " + sentence);
        console.err().println("Try '" + commandName + " --help' for usage.");
        return ExitCode.USAGE;
    }
}
