package org.bridle.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.bridle.core.concurrent.TaskFailure;
import org.bridle.core.source.InputException;

/** {@link LoadedIndicators#load} running on a thread of its own, so that opening the evidence can overlap it. */
final class IndicatorLoading {
    private final FutureTask<LoadedIndicators> task;

    private IndicatorLoading(FutureTask<LoadedIndicators> task) {
        this.task = task;
    }

    /** Starts loading the built-in feeds (unless {@code builtin} is false) and {@code files}. */
    static IndicatorLoading start(List<Path> files, boolean builtin) {
        FutureTask<LoadedIndicators> task = new FutureTask<>(() -> LoadedIndicators.load(files, builtin));
        Thread thread = new Thread(task, "bridle-indicators");
        thread.setDaemon(true);
        thread.start();
        return new IndicatorLoading(task);
    }

    /**
     * Waits for the indicators; may be called again and gives the same answer.
     *
     * @throws InputException as {@link LoadedIndicators#load} does, or when the wait is interrupted
     */
    LoadedIndicators await() throws InputException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InputException("The check was interrupted while the indicators were loading.", e);
        } catch (ExecutionException e) {
            throw TaskFailure.rethrow(e.getCause(), InputException.class,
                    cause -> new InputException("Loading the indicators failed: " + cause + ".", cause));
        }
    }
}
