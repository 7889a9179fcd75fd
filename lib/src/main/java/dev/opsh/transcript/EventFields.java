package dev.opsh.transcript;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;

/**
 * What a transcript line says of one event type, read from the same annotations Jackson reads: its
 * name in {@link TranscriptEvent}'s {@link JsonSubTypes}, and its fields in the order of its record
 * components, named by {@link JsonProperty} where one renames them.
 */
record EventFields(String type, List<Field> fields) {
    private static final ClassValue<EventFields> BY_CLASS = new ClassValue<>() {
        @Override
        protected EventFields computeValue(Class<?> eventClass) {
            return read(eventClass);
        }
    };

    /** One field: its JSON name, and the accessor of its record component. */
    record Field(String name, Method accessor) {
        Object value(TranscriptEvent event) {
            try {
                return accessor.invoke(event);
            } catch (IllegalAccessException | InvocationTargetException e) {
                throw new IllegalStateException("cannot read " + name + " of " + event.getClass().getSimpleName(), e);
            }
        }
    }

    static EventFields of(Class<?> eventClass) {
        return BY_CLASS.get(eventClass);
    }

    private static EventFields read(Class<?> eventClass) {
        String type = null;
        for (JsonSubTypes.Type subtype : TranscriptEvent.class.getAnnotation(JsonSubTypes.class).value()) {
            if (subtype.value() == eventClass) {
                type = subtype.name();
            }
        }
        if (type == null || !eventClass.isRecord()) {
            throw new IllegalArgumentException(eventClass + " is not an event type listed in TranscriptEvent");
        }
        List<Field> fields = new ArrayList<>();
        for (RecordComponent component : eventClass.getRecordComponents()) {
            Method accessor = component.getAccessor();
            accessor.setAccessible(true);
            JsonProperty renamed = accessor.getAnnotation(JsonProperty.class);
            fields.add(new Field(renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName(), accessor));
        }
        return new EventFields(type, List.copyOf(fields));
    }
}
