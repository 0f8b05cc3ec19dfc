package io.github.springmidtrans.client.internal;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.exc.ValueInstantiationException;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client's mapper builds records and wire enums through exact method-handle calls,
 * and reads every body exactly as Jackson's own creator calls do.
 */
class MidtransJsonTests {

	private static final AtomicReference<StackTraceElement[]> creatorStack = new AtomicReference<>();

	private final JsonMapper mapper = MidtransJson.newMapper();

	private final JsonMapper reference = MidtransJson.newMapper(false);

	@ParameterizedTest
	@ValueSource(strings = {
			// A status answer as Midtrans sends it.
			"""
					{"status_code":"201","status_message":"Success, transaction is found","transaction_id":"2f1c4a8e",\
					"order_id":"ORDER-1","merchant_id":"G000000000","gross_amount":"150000.00","currency":"IDR",\
					"payment_type":"bank_transfer","transaction_time":"2026-11-24 10:00:00",\
					"transaction_status":"pending","fraud_status":"accept",\
					"va_numbers":[{"bank":"bca","va_number":"12345678901"}],"expiry_time":"2026-11-25 10:00:00"}""",
			// Escapes, unknown fields (nested too), numbers where strings are expected
			// and
			// the other way round, enum values in odd case and unknown ones.
			"""
					{"status_code":201,"status_message":"Caf\\u00e9 \\"quoted\\"\\n\\ttab \\\\ slash \\ud83d\\ude00",\
					"unknown":{"deep":[1,{"x":null}],"s":"\\u0000"},"order_id":"O\\/1","gross_amount":150000.5,\
					"transaction_status":" SETTLEMENT ","payment_type":"Teleport","fraud_status":"CHALLENGE",\
					"installment_term":"6","refund_amount":"1e3","metadata":{"a":[1,2],"b":{"c":"d"},"e":null},\
					"refunds":[{"refund_chargeback_id":"7","refund_amount":10,"created_at":"2026-11-24 10:00:00",\
					"reason":"r\\u00e9"}],"payment_amounts":[{"paid_at":"2026-11-24 11:00:00","amount":"5.10"}],\
					"actions":[{"name":"deeplink-redirect","method":"GET","url":"https://x/\\u003f","fields":"one"}],\
					"another_unknown":[[],{}]}""",
			// JSON null for every kind of component.
			"""
					{"status_code":null,"order_id":null,"gross_amount":null,"transaction_status":null,\
					"payment_type":null,"transaction_time":null,"va_numbers":null,"actions":null,"refunds":null,\
					"metadata":null,"installment_term":null,"refund_amount":null}""",
			// A single value where a list is expected, and duplicate names (the last
			// wins).
			"""
					{"va_numbers":{"bank":"bni","va_number":"9"},"order_id":"first","order_id":"second",\
					"transaction_status":"expire","transaction_status":"settlement"}""", "{}" })
	void answersReadTheSameAsWithJacksonsOwnCreatorCalls(String body) {
		TransactionResponse fast = read(this.mapper, body, TransactionResponse.class);
		TransactionResponse jackson = read(this.reference, body, TransactionResponse.class);
		assertThat(fast).isEqualTo(jackson);
		assertThat(fast.raw()).isEqualTo(jackson.raw());
	}

	@Test
	void aRichAnswerKeepsItsValues() {
		TransactionResponse response = read(this.mapper, """
				{"status_code":"201","order_id":"O-1","gross_amount":"150000.00","transaction_status":" Settlement ",\
				"payment_type":"teleport","fraud_status":"accept","installment_term":"6",\
				"va_numbers":{"bank":"bni","va_number":"9"}}""", TransactionResponse.class);
		assertThat(response.grossAmount()).isEqualByComparingTo(new BigDecimal("150000"));
		assertThat(response.transactionStatus()).isEqualTo(TransactionStatus.SETTLEMENT);
		assertThat(response.paymentType()).isEqualTo(PaymentType.UNKNOWN);
		assertThat(response.fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(response.installmentTerm()).isEqualTo(6);
		assertThat(response.vaNumbers()).extracting(TransactionResponse.VaNumber::vaNumber).containsExactly("9");
	}

	@Test
	void otherAnswersReadTheSameAsWithJacksonsOwnCreatorCalls() {
		String body = """
				{"status_code":"200","status_message":"Success, refund request is approved","transaction_id":"t",\
				"order_id":"O-1","gross_amount":"10000.00","refund_amount":"5000.00","refund_key":"k\\u00e9",\
				"refund_chargeback_id":12,"transaction_status":"partial_refund","unknown":[1]}""";
		assertThat(read(this.mapper, body, RefundResponse.class))
			.isEqualTo(read(this.reference, body, RefundResponse.class));
	}

	@Test
	void recordsAreBuiltWithoutInvokeWithArguments() {
		creatorStack.set(null);
		Probe probe = this.mapper.readValue("{\"name\":\"n\",\"amount\":\"1.50\",\"count\":3}", Probe.class);
		assertThat(methodsOf(creatorStack.get())).doesNotContain("invokeWithArguments");
		assertThat(probe).isEqualTo(new Probe("n", new BigDecimal("1.50"), 3));
	}

	@Test
	void jacksonsOwnCallGoesThroughInvokeWithArguments() {
		// Shows what the test above guards against.
		creatorStack.set(null);
		this.reference.readValue("{\"name\":\"n\"}", Probe.class);
		assertThat(methodsOf(creatorStack.get())).contains("invokeWithArguments");
	}

	@Test
	void wireEnumsAreBuiltWithoutInvokeWithArguments() {
		creatorStack.set(null);
		assertThat(this.mapper.readValue("\"B\"", Letter.class)).isEqualTo(Letter.B);
		assertThat(methodsOf(creatorStack.get())).doesNotContain("invokeWithArguments");
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"settlement\"", "\" SETTLEMENT \"", "\"teleported\"", "\"\"", "null", "12", "1.5",
			"true", "[\"settlement\"]", "\"caf\\u00e9\"" })
	void wireEnumsReadTheSameAsWithJacksonsFactoryCall(String json) {
		Object fast = outcome(() -> this.mapper.readValue(json, TransactionStatus.class));
		Object jackson = outcome(() -> this.reference.readValue(json, TransactionStatus.class));
		assertThat(fast).isEqualTo(jackson);
	}

	@Test
	void aFailingEnumFactoryIsReportedAsJacksonReportsIt() {
		Throwable fast = catchThrowable(() -> this.mapper.readValue("\"boom\"", Letter.class));
		Throwable jackson = catchThrowable(() -> this.reference.readValue("\"boom\"", Letter.class));
		assertThat(fast).isNotNull().hasSameClassAs(jackson).hasMessage(jackson.getMessage());
	}

	@Test
	void aFailingConstructorIsReportedAsJacksonReportsIt() {
		String body = "{\"name\":\"\",\"amount\":\"1\"}";
		Throwable fast = catchThrowable(() -> this.mapper.readValue(body, Probe.class));
		Throwable jackson = catchThrowable(() -> this.reference.readValue(body, Probe.class));
		assertThat(fast).isInstanceOf(ValueInstantiationException.class)
			.hasSameClassAs(jackson)
			.hasMessage(jackson.getMessage())
			.hasRootCauseInstanceOf(IllegalArgumentException.class)
			.hasRootCauseMessage("name must not be blank");
	}

	@Test
	void aMissingOrNullPrimitiveIsItsDefault() {
		assertThat(this.mapper.readValue("{\"name\":\"n\",\"count\":null}", Probe.class).count()).isZero();
		assertThat(this.mapper.readValue("{\"name\":\"n\"}", Probe.class)).isEqualTo(new Probe("n", null, 0));
	}

	@Test
	void aRecordThatIsNotPublicIsStillRead() {
		assertThat(this.mapper.readValue("{\"value\":\"v\"}", Hidden.class)).isEqualTo(new Hidden("v"));
	}

	private static <T> T read(JsonMapper mapper, String body, Class<T> type) {
		ObjectReader reader = MidtransJson.readerFor(mapper, type);
		return MidtransJson.read(reader, mapper.readTree(body));
	}

	private static Object outcome(ThrowingSupplier supplier) {
		try {
			return String.valueOf(supplier.get());
		}
		catch (Exception ex) {
			return ex.getClass().getName() + ": " + ex.getMessage();
		}
	}

	private static List<String> methodsOf(StackTraceElement[] stack) {
		assertThat(stack).as("creator called").isNotNull();
		return Arrays.stream(stack).map(StackTraceElement::getMethodName).toList();
	}

	@FunctionalInterface
	private interface ThrowingSupplier {

		Object get() throws Exception;

	}

	/** A record whose constructor notes how it was called. */
	public record Probe(String name, BigDecimal amount, int count) {

		public Probe {
			creatorStack.set(new Throwable().getStackTrace());
			if (name.isBlank()) {
				throw new IllegalArgumentException("name must not be blank");
			}
		}

	}

	/** A wire enum whose factory notes how it was called. */
	public enum Letter {

		A, B;

		@JsonCreator
		public static Letter of(String text) {
			creatorStack.set(new Throwable().getStackTrace());
			if ("boom".equals(text)) {
				throw new IllegalStateException("no letter " + text.length());
			}
			return valueOf(text);
		}

	}

	record Hidden(String value) {

	}

}
