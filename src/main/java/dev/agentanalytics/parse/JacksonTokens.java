package dev.agentanalytics.parse;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Closeable;
import java.io.IOException;

/**
 * A record's tokens from Jackson, with the duplicate-field check: the authority on what is JSON, and the words of
 * the reason when it is not.
 */
final class JacksonTokens implements RecordTokens, Closeable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonParser parser;

    JacksonTokens(byte[] payload) throws IOException {
        parser = new DuplicateCheckingParser(JSON.createParser(payload));
    }

    /** For an exception that names where the parser stands. */
    JsonParser parser() {
        return parser;
    }

    @Override
    public JsonToken next() throws IOException {
        return parser.nextToken();
    }

    @Override
    public JsonToken current() {
        return parser.currentToken();
    }

    @Override
    public String name() throws IOException {
        return parser.currentName();
    }

    @Override
    public String text() throws IOException {
        return parser.getText();
    }

    @Override
    public void skipChildren() throws IOException {
        parser.skipChildren();
    }

    @Override
    public String valueJson() throws IOException {
        return JSON.readTree(parser).toString();
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }
}
