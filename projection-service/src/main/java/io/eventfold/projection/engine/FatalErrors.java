package io.eventfold.projection.engine;

import java.util.function.IntConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Errors the JVM does not survive whole (out of memory, an internal error) stop the service at once, so that its
 * supervisor starts a fresh one: a loop that carried on would hold its partitions half-dead and look alive. The
 * offsets commit with the rows, so stopping anywhere loses nothing. A stack overflow has unwound and is not fatal
 * (as in Tomcat): the loop retries the batch. The services also run with {@code -XX:+ExitOnOutOfMemoryError}.
 */
public final class FatalErrors {

    /** As the JVM's own {@code ExitOnOutOfMemoryError} exits. */
    static final int STATUS = 3;
    private static final Logger log = LoggerFactory.getLogger(FatalErrors.class);
    private static volatile IntConsumer halt = status -> Runtime.getRuntime().halt(status);

    private FatalErrors() {
    }

    /** Stops the JVM if {@code error} is fatal; otherwise returns, and the caller handles it. */
    public static void stopIfFatal(Throwable error) {
        if (error instanceof VirtualMachineError && !(error instanceof StackOverflowError)) {
            log.error("Fatal error: stopping the service now, to be started afresh", error);
            halt.accept(STATUS);
            // Only a test's halt returns: then the error ends the thread instead of being handled.
            throw (VirtualMachineError) error;
        }
    }

    /** For tests, which cannot let the JVM stop: {@code replacement} is called instead. */
    static IntConsumer haltWith(IntConsumer replacement) {
        var previous = halt;
        halt = replacement;
        return previous;
    }
}
