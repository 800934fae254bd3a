package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The tokens of one JSON record, as {@link AgentEventReader} walks them: the reader's rules are written once, over
 * either {@link ByteTokens} (the fast path for ordinary records) or {@link JacksonTokens} (which decides the rest).
 */
interface RecordTokens {
    /** The next token; null after the root value. */
    JsonToken next() throws IOException;

    /** The token {@link #next()} returned last. */
    JsonToken current();

    /** At a {@code FIELD_NAME}: the name. */
    String name() throws IOException;

    /** At a {@code VALUE_STRING}: the text. */
    String text() throws IOException;

    /** At the start of an object or array: moves to its end (the next token is the one after it); else nothing. */
    void skipChildren() throws IOException;

    /** The current value, moved past if an object or array, written as JSON (to name it in a reason). */
    String valueJson() throws IOException;
}
