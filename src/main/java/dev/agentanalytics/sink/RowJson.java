package dev.agentanalytics.sink;

import org.apache.flink.formats.json.JsonSerializationSchema;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.annotation.PropertyAccessor;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.shaded.jackson2.com.fasterxml.jackson.databind.PropertyNamingStrategies;

/**
 * The JSON form of every output row (flink-json): the row's public fields in declaration order, snake_case
 * names with a digit as a word of its own ({@code hierarchyLevel1} is {@code hierarchy_level_1}), nulls written as
 * null so every row of a table has the same fields.
 */
public final class RowJson {
    private RowJson() {}

    public static <T> JsonSerializationSchema<T> schema() {
        return new JsonSerializationSchema<>(RowJson::mapper);
    }

    static ObjectMapper mapper() {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setPropertyNamingStrategy(new SnakeCaseWithNumbers());
        mapper.setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE);
        mapper.setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
        return mapper;
    }

    /** Jackson's snake_case, with an underscore before a number too. */
    static final class SnakeCaseWithNumbers extends PropertyNamingStrategies.NamingBase {
        private static final long serialVersionUID = 1L;

        @Override
        public String translate(String name) {
            return PropertyNamingStrategies.SnakeCaseStrategy.INSTANCE.translate(name)
                    .replaceAll("(?<=[a-z])(?=[0-9])", "_");
        }
    }
}
