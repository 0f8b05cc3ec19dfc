package io.github.springmidtrans.client;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.springmidtrans.client.model.RawJson;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A success is read straight into its record, its raw body kept for parsing on demand;
 * anything else is judged on the whole body as before.
 */
class MidtransClientAnswerReadingTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void rawBodyOfASuccessIsCompleteAndTheSameTreeEachTime() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"201","order_id":"order-1","transaction_status":"pending",
				 "va_numbers":[{"bank":"bca","va_number":"123"}],"future_field":{"kept":true}}"""));
		TransactionResponse status = status();
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(status.raw().node()).isSameAs(status.raw().node());
		assertThat(status.raw().node().get("future_field").get("kept").asBoolean()).isTrue();
		assertThat(status.raw().toString())
			.isEqualTo("RawJson[status_code, order_id, transaction_status, va_numbers, future_field]");
	}

	@Test
	void numericStatusCodeOfASuccessIsRead() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":201,\"order_id\":\"order-1\"}"));
		assertThat(status().statusCode()).isEqualTo("201");
	}

	@Test
	void lastOfRepeatedStatusCodesDecidesAsInTheTree() {
		this.server.enqueue(MockMidtrans.json(
				"{\"status_code\":\"201\",\"order_id\":\"order-1\",\"status_code\":\"404\",\"status_message\":\"x\"}"));
		assertThatExceptionOfType(MidtransNotFoundException.class).isThrownBy(this::status);
	}

	@Test
	void statusCodeThatIsAnObjectIsAnInvalidResponse() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":{\"value\":\"201\"},\"order_id\":\"order-1\"}"));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::status)
			.withMessageContaining("documented shape at 'status_code'");
	}

	@Test
	void truncatedBodyIsNotReadAsASuccess() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"201\",\"order_id\":\"order-1\""));
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::status)
			.withMessageContaining("the answer is not a JSON object");
	}

	@Test
	void bodyParsedOnDemandIsParsedOnce() {
		AtomicInteger parses = new AtomicInteger();
		JsonMapper mapper = JsonMapper.builder().build();
		RawJson raw = RawJson.parsedOnDemand(() -> {
			parses.incrementAndGet();
			return mapper.readTree("{\"order_id\":\"order-1\"}");
		});
		assertThat(parses).hasValue(0);
		assertThat(raw.text("order_id")).isEqualTo("order-1");
		assertThat(raw.has("order_id")).isTrue();
		JsonNode node = raw.node();
		assertThat(raw.node()).isSameAs(node);
		assertThat(parses).hasValue(1);
		assertThat(raw).isEqualTo(new RawJson(node)).hasSameHashCodeAs(new RawJson(node));
	}

	@Test
	void statusCodeIsFoundAmongTopLevelFieldsOnly() {
		assertScan("{\"status_code\":\"201\",\"a\":1}", "201");
		assertScan("{\"a\":{\"status_code\":\"404\"},\"status_code\":\"200\"}", "200");
		assertScan("{\"a\":\"}\\\"status_code\\\":\\\"404\\\"\",\"status_code\":\"201\"}", "201");
		assertScan("{\"a\":[1,{\"b\":\"]\"}],\"status_code\":201}", "201");
		assertScan("{\"status_code\":null}", null);
		assertScan("{}", null);
		assertScan(" \n{\"order_id\":\"x\",\"n\":[]} \t", null);
		assertScan("\uFEFF{\"status_code\":\"201\"}", "201");
		assertScan("{\"status_code\":\"201\",\"status_code\":\"404\"}", "404");
	}

	@Test
	void unusualStatusCodesAndBodiesAreLeftToTheFullReading() {
		for (String body : new String[] { "{\"status_code\":\"2\\u00301\"}", "{\"status\\u005fcode\":\"404\"}",
				"{\"status_code\":2.01e2}", "{\"status_code\":true}", "{\"status_code\":-0}",
				"{\"status_code\":{\"v\":1}}", "{\"status_code\":[\"201\"]}", "[{\"status_code\":\"201\"}]",
				"{\"status_code\":\"201\"", "{\"status_code\":\"201\"} x", "{\"status_code\" \"201\"}",
				"{\"a\":\"unterminated}", "", "  " }) {
			assertThat(HttpTransport.scanStatusCode(body.getBytes(StandardCharsets.UTF_8))).as(body)
				.isSameAs(HttpTransport.NOT_SCANNED);
		}
	}

	private static void assertScan(String body, String expected) {
		String scanned = HttpTransport.scanStatusCode(body.getBytes(StandardCharsets.UTF_8));
		assertThat(scanned).as(body).isEqualTo(expected);
		JsonNode code = JsonMapper.builder().build().readTree(body.getBytes(StandardCharsets.UTF_8)).get("status_code");
		assertThat((code == null || code.isNull()) ? null : code.asString()).as("tree of %s", body).isEqualTo(expected);
	}

	private TransactionResponse status() {
		return MockMidtrans.client(this.server).status("order-1");
	}

}
