package io.eventfold.projection.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class FatalErrorsTest {

    private final List<Integer> halts = new ArrayList<>();
    private IntConsumer previous;

    @BeforeEach
    void recordHalts() {
        previous = FatalErrors.haltWith(halts::add);
    }

    @AfterEach
    void restore() {
        FatalErrors.haltWith(previous);
    }

    @Test
    void out_of_memory_and_internal_errors_stop_the_service() {
        assertThatThrownBy(() -> FatalErrors.stopIfFatal(new OutOfMemoryError("heap")))
                .isInstanceOf(OutOfMemoryError.class);
        assertThatThrownBy(() -> FatalErrors.stopIfFatal(new InternalError("jvm")))
                .isInstanceOf(InternalError.class);

        assertThat(halts).containsExactly(FatalErrors.STATUS, FatalErrors.STATUS);
    }

    @Test
    void a_stack_overflow_or_an_exception_is_left_to_the_caller() {
        FatalErrors.stopIfFatal(new StackOverflowError("deep"));
        FatalErrors.stopIfFatal(new IllegalStateException("bad batch"));
        FatalErrors.stopIfFatal(new AssertionError("bug"));

        assertThat(halts).isEmpty();
    }
}
