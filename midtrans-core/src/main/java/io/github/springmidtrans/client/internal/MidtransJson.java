package io.github.springmidtrans.client.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.github.springmidtrans.client.model.RawJson;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.InjectableValues;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedWithParams;
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
		return newMapper(true);
	}

	/**
	 * A mapper for the Midtrans wire format; without exact creators, Jackson calls
	 * creators its own way (the reference the tests compare with).
	 */
	static JsonMapper newMapper(boolean exactCreators) {
		SimpleModule times = new SimpleModule("midtrans-time");
		times.addSerializer(OffsetDateTime.class, new TimeSerializer());
		times.addDeserializer(OffsetDateTime.class, new TimeDeserializer());
		JsonMapper.Builder builder = JsonMapper.builder()
			.propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
			.enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
			.changeDefaultPropertyInclusion((inclusion) -> inclusion.withValueInclusion(JsonInclude.Include.NON_EMPTY))
			.addModule(times);
		if (exactCreators) {
			builder.addModule(new ExactCreatorsModule());
		}
		return builder.build();
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

	/** Registers {@link ExactCreators} and {@link ExactEnumFactories}. */
	private static final class ExactCreatorsModule extends SimpleModule {

		ExactCreatorsModule() {
			super("midtrans-exact-creators");
		}

		@Override
		public void setupModule(SetupContext context) {
			super.setupModule(context);
			context.addValueInstantiators(new ExactCreators());
			context.addDeserializerModifier(new ExactEnumFactories());
		}

	}

	/**
	 * Calls the constructor (or static factory) that records and other types with a
	 * property-based creator are built through by an exact method-handle invocation.
	 * Jackson's own instantiator calls it with {@code MethodHandle.invokeWithArguments},
	 * which builds a method type for the call's arity each time: a measurable share of a
	 * call for records as wide as {@code TransactionResponse}. Everything else, including
	 * how a failing constructor is reported, stays Jackson's.
	 */
	static final class ExactCreators implements ValueInstantiators {

		@Override
		public @Nullable ValueInstantiator findValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier beanDescRef) {
			return null;
		}

		@Override
		public ValueInstantiator modifyValueInstantiator(DeserializationConfig config,
				BeanDescription.Supplier beanDescRef, ValueInstantiator defaultInstantiator) {
			if (defaultInstantiator.getClass() != StdValueInstantiator.class) {
				return defaultInstantiator;
			}
			StdValueInstantiator standard = (StdValueInstantiator) defaultInstantiator;
			AnnotatedWithParams creator = standard.getWithArgsCreator();
			MethodHandle handle = (creator != null) ? spreadHandle(creator.getMember()) : null;
			return (handle != null) ? new ExactCreatorInstantiator(standard, handle) : defaultInstantiator;
		}

		/**
		 * A handle taking the arguments as one {@code Object[]} and returning
		 * {@code Object}, or {@code null} to leave the creator to Jackson.
		 */
		static @Nullable MethodHandle spreadHandle(Member member) {
			try {
				MethodHandle handle;
				if (member instanceof Constructor<?> constructor) {
					if (!isPublic(constructor.getModifiers(), constructor.getDeclaringClass())) {
						return null;
					}
					handle = MethodHandles.publicLookup().unreflectConstructor(constructor);
				}
				else if (member instanceof Method method && Modifier.isStatic(method.getModifiers())) {
					if (!isPublic(method.getModifiers(), method.getDeclaringClass())) {
						return null;
					}
					handle = MethodHandles.publicLookup().unreflect(method);
				}
				else {
					return null;
				}
				int arity = handle.type().parameterCount();
				return handle.asFixedArity()
					.asSpreader(Object[].class, arity)
					.asType(MethodType.methodType(Object.class, Object[].class));
			}
			catch (IllegalAccessException | RuntimeException ex) {
				// Not reachable through a public look-up (a module that does not export
				// the type, for one): Jackson's own call still works.
				return null;
			}
		}

		/**
		 * Whether a public look-up may reach the member; one that still cannot (a package
		 * a module does not export) fails in {@code unreflect} and is left to Jackson.
		 */
		static boolean isPublic(int modifiers, Class<?> type) {
			return Modifier.isPublic(modifiers) && Modifier.isPublic(type.getModifiers());
		}

	}

	/**
	 * Jackson's standard instantiator, with the property-based creator called through an
	 * exact invocation of a spreading handle.
	 */
	static final class ExactCreatorInstantiator extends StdValueInstantiator {

		private final MethodHandle creator;

		ExactCreatorInstantiator(StdValueInstantiator standard, MethodHandle creator) {
			super(standard);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Exception ex) {
				// As Jackson reports a failing creator (the record's own checks).
				return context.handleInstantiationProblem(this._valueClass, args, rewrapCtorProblem(context, ex));
			}
			catch (Error ex) {
				throw ex;
			}
			catch (Throwable ex) {
				throw new IllegalStateException(ex);
			}
		}

	}

	/**
	 * Calls the static {@code @JsonCreator} factory of a wire enum (such as
	 * {@code TransactionStatus.fromWireValue}) for a JSON string by an exact invocation.
	 * Jackson's factory-based enum deserializer calls it with
	 * {@code MethodHandle.invokeWithArguments}; any other token, and a factory that
	 * fails, is left to Jackson's deserializer so that its coercions and errors stay.
	 */
	static final class ExactEnumFactories extends ValueDeserializerModifier {

		@Override
		public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
				BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
			if (!"FactoryBasedEnumDeserializer".equals(deserializer.getClass().getSimpleName())) {
				return deserializer;
			}
			MethodHandle factory = stringFactory(type.getRawClass());
			return (factory != null) ? new ExactEnumFactory(deserializer, factory) : deserializer;
		}

		/**
		 * A handle {@code (String)Object} on the enum's only {@code @JsonCreator}, when
		 * that is a public static factory of one {@code String}.
		 */
		static @Nullable MethodHandle stringFactory(Class<?> type) {
			Method found = null;
			for (Method method : type.getDeclaredMethods()) {
				JsonCreator creator = method.getAnnotation(JsonCreator.class);
				if (creator == null) {
					continue;
				}
				if (found != null || creator.mode() == JsonCreator.Mode.PROPERTIES
						|| creator.mode() == JsonCreator.Mode.DISABLED || !Modifier.isStatic(method.getModifiers())
						|| method.getParameterCount() != 1 || method.getParameterTypes()[0] != String.class
						|| !type.isAssignableFrom(method.getReturnType())) {
					return null;
				}
				found = method;
			}
			if (found == null || !ExactCreators.isPublic(found.getModifiers(), type)) {
				return null;
			}
			try {
				return MethodHandles.publicLookup()
					.unreflect(found)
					.asType(MethodType.methodType(Object.class, String.class));
			}
			catch (IllegalAccessException | RuntimeException ex) {
				return null;
			}
		}

	}

	/** Jackson's enum deserializer, with the factory called directly for a string. */
	static final class ExactEnumFactory extends DelegatingDeserializer {

		private final MethodHandle factory;

		ExactEnumFactory(ValueDeserializer<?> jackson, MethodHandle factory) {
			super(jackson);
			this.factory = factory;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
			return new ExactEnumFactory(newDelegatee, this.factory);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) {
			if (parser.currentToken() == JsonToken.VALUE_STRING) {
				try {
					Object value = (Object) this.factory.invokeExact(parser.getString());
					if (value != null) {
						return value;
					}
				}
				catch (Error ex) {
					throw ex;
				}
				catch (Throwable ex) {
					// Jackson's deserializer calls the factory again and reports it.
				}
			}
			return this._delegatee.deserialize(parser, context);
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
