package dev.agentanalytics.topology;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.flink.api.common.functions.SerializerFactory;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.state.StateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.dag.Transformation;
import org.apache.flink.util.InstantiationUtil;

/**
 * Proves, when the job is defined, that none of the job's own types goes through Kryo: neither a record between
 * two operators nor the state of the job's operators. Kryo is slow, and Kryo state does not survive a change of the
 * class (docs/deployment.md, "Upgrades"). Each type's serializer is built with generic types disabled, which fails
 * on the first type Flink could only hand to Kryo, however deeply nested.
 *
 * <p>Generic types stay enabled for the whole job only with the Kinesis source: the connector keeps its shard
 * positions as a Kryo type of its own, out of the job's hands. Every other source runs with
 * {@code pipeline.generic-types: false}.
 */
public final class KryoFreeTypes {
    private KryoFreeTypes() {}

    /**
     * Throws {@link IllegalStateException} naming every type of the graph ending in {@code transformations}, and
     * of {@code state}, that Flink would serialize with Kryo.
     */
    public static void check(List<Transformation<?>> transformations, List<StateDescriptor<?, ?>> state) {
        SerializerConfigImpl noGenericTypes = new SerializerConfigImpl();
        noGenericTypes.setGenericTypes(false);
        Set<Transformation<?>> graph = new LinkedHashSet<>();
        for (Transformation<?> transformation : transformations) {
            graph.addAll(transformation.getTransitivePredecessors());
        }
        List<String> problems = new ArrayList<>();
        for (Transformation<?> transformation : graph) {
            TypeInformation<?> type;
            try {
                type = transformation.getOutputType();
            } catch (IllegalStateException missingType) {
                continue; // a sink: it produces nothing
            }
            String problem = problemOf(type, noGenericTypes);
            if (problem != null) problems.add("records of '" + transformation.getName() + "': " + problem);
        }
        for (StateDescriptor<?, ?> descriptor : state) {
            String problem = problemOf(descriptor, noGenericTypes);
            if (problem != null) problems.add("state '" + descriptor.getName() + "': " + problem);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Types that would be serialized with Kryo: " + problems);
        }
    }

    private static String problemOf(TypeInformation<?> type, SerializerConfigImpl noGenericTypes) {
        try {
            type.createSerializer(noGenericTypes);
            return null;
        } catch (UnsupportedOperationException e) {
            return type + " (" + e.getMessage() + ")";
        }
    }

    /**
     * Builds the serializer of a copy, so that the job's own descriptor stays uninitialized. The copy is read with
     * the job's class loader: on a cluster, the system class loader does not see the job's classes.
     */
    private static String problemOf(StateDescriptor<?, ?> descriptor, SerializerConfigImpl noGenericTypes) {
        StateDescriptor<?, ?> copy;
        try {
            copy = InstantiationUtil.clone(descriptor, KryoFreeTypes.class.getClassLoader());
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException("Cannot copy state descriptor '" + descriptor.getName() + "'", e);
        }
        String[] problem = new String[1];
        copy.initializeSerializerUnlessSet(new SerializerFactory() {
            @Override
            public <T> TypeSerializer<T> createSerializer(TypeInformation<T> type) {
                problem[0] = problemOf(type, noGenericTypes);
                return problem[0] == null ? type.createSerializer(noGenericTypes) : null;
            }
        });
        return problem[0];
    }
}
