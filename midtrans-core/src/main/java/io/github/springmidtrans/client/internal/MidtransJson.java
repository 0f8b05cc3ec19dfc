package io.github.springmidtrans.client.internal;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.springmidtrans.client.model.RawJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JsonNode;
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
