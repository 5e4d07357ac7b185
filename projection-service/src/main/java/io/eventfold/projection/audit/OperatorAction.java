package io.eventfold.projection.audit;

/** What an operator may do to the projections; each is audited with its target (a projection or dead letter). */
public enum OperatorAction {
    REBUILD, CANCEL_REBUILD, FORCE_SWITCH, ROLLBACK, RETRY_DEAD_LETTER, SKIP_DEAD_LETTER
}
