package io.github.springmidtrans.client.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.springmidtrans.client.model.RawJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The client's own Jackson mapper: snake_case names, unknown fields ignored (they stay
 * reachable through {@code raw()}), empty values left out of requests, exact decimals and
 * Midtrans timestamps. It never touches an application's global mapper.
 */
public final class MidtransJson {

	/** Key under which response records receive their {@link RawJson}. */
	public static final String RAW = "midtrans.raw";

	private MidtransJson() {
	}

	/**
	 * Map a parsed body to a response type, handing it its {@link RawJson}.
	 * @param <T> the response type
	 * @param mapper a mapper from {@link #newMapper()}
	 * @param tree the parsed body
	 * @param type the response type
	 * @return the response
	 * @throws tools.jackson.core.JacksonException when the body does not fit the type
	 */
	public static <T> T read(JsonMapper mapper, JsonNode tree, Class<T> type) {
		return mapper.readerFor(type).with(new InjectableValues.Std().addValue(RAW, new RawJson(tree))).readValue(tree);
	}

	/**
	 * A reader for a response type, to keep and use with
	 * {@link #read(ObjectReader, JsonNode)}: unlike
	 * {@link #read(JsonMapper, JsonNode, Class)}, it needs no reader of its own per call.
	 * @param mapper a mapper from {@link #newMapper()}
	 * @param type the response type
	 * @return the reader
	 */
	public static ObjectReader readerFor(JsonMapper mapper, Class<?> type) {
		return mapper.readerFor(type).with(CurrentRaw.INSTANCE);
	}

	/**
	 * Map a parsed body to a response type, handing it its {@link RawJson}.
	 * @param <T> the response type
	 * @param reader a reader from {@link #readerFor(JsonMapper, Class)}
	 * @param tree the parsed body
	 * @return the response
	 * @throws tools.jackson.core.JacksonException when the body does not fit the type
	 */
	public static <T> T read(ObjectReader reader, JsonNode tree) {
		RawJson previous = CurrentRaw.BODY.get();
		CurrentRaw.BODY.set(new RawJson(tree));
		try {
			return reader.readValue(tree);
		}
		finally {
			CurrentRaw.BODY.set(previous);
		}
	}

	/**
	 * Map a body straight from its bytes to a response type, handing it the given
	 * {@link RawJson}, without a tree in between.
	 * @param <T> the response type
	 * @param reader a reader from {@link #readerFor(JsonMapper, Class)}
	 * @param body the body, UTF-8
	 * @param raw the body as the response keeps it
	 * @return the response
	 * @throws tools.jackson.core.JacksonException when the body does not fit the type
	 */
	public static <T> T read(ObjectReader reader, byte[] body, RawJson raw) {
		RawJson previous = CurrentRaw.BODY.get();
		CurrentRaw.BODY.set(raw);
		try {
			return reader.readValue(body);
		}
		finally {
			CurrentRaw.BODY.set(previous);
		}
	}

	/**
	 * Create a mapper configured for the Midtrans wire format.
	 * @return a new mapper
	 */
	public static JsonMapper newMapper() {
		SimpleModule times = new SimpleModule("midtrans-time");
		times.addSerializer(OffsetDateTime.class, new TimeSerializer());
		times.addDeserializer(OffsetDateTime.class, new TimeDeserializer());
		return JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
			.addModule(times)
			.build();
	}

	/**
	 * Hands each response the body being read on this thread: one shared instance, so
	 * that a read allocates no reader and no map of values.
	 */
	private static final class CurrentRaw extends InjectableValues {

		static final CurrentRaw INSTANCE = new CurrentRaw();

		static final ThreadLocal<@Nullable RawJson> BODY = new ThreadLocal<>();

		private static final InjectableValues NONE = new InjectableValues.Std();

		@Override
		public @Nullable Object findInjectableValue(DeserializationContext context, Object valueId,
				BeanProperty forProperty, @Nullable Object beanInstance, @Nullable Boolean optional,
				@Nullable Boolean useInput) {
			if (RAW.equals(valueId)) {
				return BODY.get();
			}
			return NONE.findInjectableValue(context, valueId, forProperty, beanInstance, optional, useInput);
		}

		@Override
		public InjectableValues snapshot() {
			return this;
		}

	}

	private static final class TimeSerializer extends ValueSerializer<OffsetDateTime> {

		@Override
		public void serialize(OffsetDateTime value, JsonGenerator generator, SerializationContext context) {
			generator.writeString(MidtransTime.format(value));
		}

	}

	private static final class TimeDeserializer extends ValueDeserializer<OffsetDateTime> {

		@Override
		public @Nullable OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() != JsonToken.VALUE_STRING) {
				return (OffsetDateTime) context.handleUnexpectedToken(OffsetDateTime.class, parser);
			}
			String text = parser.getString();
			try {
				return MidtransTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				return (OffsetDateTime) context.handleWeirdStringValue(OffsetDateTime.class, text,
						"not a Midtrans timestamp");
			}
		}

	}

}
