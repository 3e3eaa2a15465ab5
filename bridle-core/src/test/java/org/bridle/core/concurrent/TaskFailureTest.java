package org.bridle.core.concurrent;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import org.junit.jupiter.api.Test;

class TaskFailureTest {

    /** The cause a FutureTask reports when its task throws {@code thrown}. */
    private static Throwable causeOf(Exception thrown) throws InterruptedException {
        FutureTask<Void> task = new FutureTask<>(() -> {
            throw thrown;
        });
        task.run();
        try {
            task.get();
            throw new AssertionError("the task should have failed");
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void theExpectedExceptionAndUncheckedOnesComeBackAsTheyWere() throws Exception {
        IOException io = new IOException("disk full");
        assertThatThrownBy(() -> {
            throw TaskFailure.rethrow(causeOf(io), IOException.class, IOException::new);
        }).isSameAs(io);
        IllegalStateException state = new IllegalStateException("broken");
        assertThatThrownBy(() -> {
            throw TaskFailure.rethrow(causeOf(state), IOException.class, IOException::new);
        }).isSameAs(state);
    }

    @Test
    void anotherCheckedExceptionIsWrapped() throws Exception {
        Exception other = new InterruptedException("other");
        assertThatThrownBy(() -> {
            throw TaskFailure.rethrow(causeOf(other), IOException.class, IOException::new);
        }).isInstanceOf(IOException.class).hasCause(other);
    }

    @Test
    void anErrorComesBackAsItWas() {
        StackOverflowError error = new StackOverflowError();
        assertThatThrownBy(() -> {
            throw TaskFailure.rethrow(error, IOException.class, IOException::new);
        }).isSameAs(error);
    }
}
