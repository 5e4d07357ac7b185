package io.eventfold.command.privacy.migration;

import java.sql.SQLException;

/**
 * A failure described without its messages: a parser's or the database's message may quote the value it choked
 * on, a name or an e-mail. The exception types along the cause chain, and SQL states, say what went wrong.
 */
final class SafeCause {

    private SafeCause() {
    }

    static String of(Throwable failure) {
        var text = new StringBuilder();
        for (var cause = failure; cause != null && text.length() < 500; cause = cause.getCause()) {
            if (!text.isEmpty()) {
                text.append(" <- ");
            }
            text.append(cause.getClass().getName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                text.append(" (SQL state ").append(sql.getSQLState()).append(')');
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return text.toString();
    }
}
