package io.github.springmidtrans.client;

import java.nio.charset.StandardCharsets;

import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okio.Buffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Answers are read as bytes; each is understood as its text would be: in the charset it
 * declares, without a byte order mark, blank when only white space.
 */
class MidtransClientBodyEncodingTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	private static final String STATUS = """
			{"status_code":"201","status_message":"Transaksi ditemukan \u00e9","order_id":"order-1",
			 "transaction_status":"pending","gross_amount":"10000.00"}""";

	@Test
	void utf8AnswerIsRead() {
		enqueue(STATUS.getBytes(StandardCharsets.UTF_8), "application/json");
		TransactionResponse status = status();
		assertThat(status.statusMessage()).isEqualTo("Transaksi ditemukan \u00e9");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(status.raw().text("status_message")).isEqualTo("Transaksi ditemukan \u00e9");
	}

	@Test
	void answerInAnotherDeclaredCharsetIsDecodedAsSuch() {
		enqueue(STATUS.getBytes(StandardCharsets.ISO_8859_1), "application/json; charset=ISO-8859-1");
		assertThat(status().statusMessage()).isEqualTo("Transaksi ditemukan \u00e9");
	}

	@Test
	void utf8CharsetInAnyCaseIsRead() {
		enqueue(STATUS.getBytes(StandardCharsets.UTF_8), "application/json;Charset=\"UTF-8\"");
		assertThat(status().statusMessage()).isEqualTo("Transaksi ditemukan \u00e9");
	}

	@Test
	void byteOrderMarkIsSkipped() {
		byte[] text = STATUS.getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[text.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(text, 0, withBom, 3, text.length);
		enqueue(withBom, "application/json");
		assertThat(status().orderId()).isEqualTo("order-1");
	}

	@Test
	void malformedUtf8InAValueIsReadWithReplacementCharacters() {
		byte[] text = STATUS.replace("\u00e9", "#").getBytes(StandardCharsets.UTF_8);
		int at = new String(text, StandardCharsets.UTF_8).indexOf('#');
		text[at] = (byte) 0xC3;
		enqueue(text, "application/json");
		assertThat(status().statusMessage()).isEqualTo("Transaksi ditemukan \uFFFD");
	}

	@Test
	void whiteSpaceOnlyAnswerIsAnEmptyAnswer() {
		enqueue("  \n\u2003 ".getBytes(StandardCharsets.UTF_8), "application/json");
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::status)
			.withMessageContaining("the answer is empty");
	}

	@Test
	void answerThatIsNotJsonIsInvalid() {
		enqueue("<html>bad gateway</html>".getBytes(StandardCharsets.UTF_8), "text/html");
		assertThatExceptionOfType(MidtransInvalidResponseException.class).isThrownBy(this::status)
			.withMessageContaining("the answer is not a JSON object");
	}

	@Test
	void charsetDeclarationsAreRecognised() {
		assertThat(HttpTransport.declaresOtherCharset(null)).isFalse();
		assertThat(HttpTransport.declaresOtherCharset("application/json")).isFalse();
		assertThat(HttpTransport.declaresOtherCharset("application/json; charset=utf-8")).isFalse();
		assertThat(HttpTransport.declaresOtherCharset("application/json; CHARSET=windows-1252")).isTrue();
		assertThat(HttpTransport.declaresOtherCharset("application/json; charset=no-such-charset")).isFalse();
	}

	private TransactionResponse status() {
		return MockMidtrans.client(this.server).status("order-1");
	}

	private void enqueue(byte[] body, String contentType) {
		this.server.enqueue(new MockResponse.Builder().code(200)
			.setHeader("Content-Type", contentType)
			.body(new Buffer().write(body))
			.build());
	}

}
