package io.github.springmidtrans.sample;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's run command works end to end.
 */
class ClientDemoTests {

	@Test
	void demoPaysRefundsAndVerifiesEveryNotification() throws Exception {
		ByteArrayOutputStream buffer = new ByteArrayOutputStream();

		List<TransactionResponse> verified = ClientDemo.run(new PrintStream(buffer, true, StandardCharsets.UTF_8));

		String output = buffer.toString(StandardCharsets.UTF_8);
		assertThat(output).contains("after payment").contains("status=SETTLEMENT");
		assertThat(output).contains("after refund").contains("status=PARTIAL_REFUND");
		assertThat(output).contains("MidtransDuplicateOrderException, retryable=false");
		assertThat(output).doesNotContain("rejected:");
		assertThat(verified).extracting(TransactionResponse::transactionStatus)
			.contains(TransactionStatus.PENDING, TransactionStatus.SETTLEMENT, TransactionStatus.PARTIAL_REFUND);
		assertThat(output).contains("Done: " + verified.size() + " of " + verified.size() + " notifications verified.");
	}

}
