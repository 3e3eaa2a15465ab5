package org.bridle.core.concurrent;

import java.util.function.Function;

/** Hands the failure of a task that ran on another thread back to the thread that waited for it. */
public final class TaskFailure {
    private TaskFailure() {
    }

    /**
     * Throws {@code cause} (the cause of an {@code ExecutionException}): as it is when it is an {@code expected}
     * exception, a {@link RuntimeException} or an {@link Error}; any other exception wrapped by {@code other}.
     * Declared to return an exception so that callers can write {@code throw TaskFailure.rethrow(...)}.
     */
    public static <X extends Exception> X rethrow(Throwable cause, Class<X> expected, Function<Throwable, X> other)
            throws X {
        if (expected.isInstance(cause)) {
            throw expected.cast(cause);
        }
        if (cause instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw other.apply(cause);
    }
}
