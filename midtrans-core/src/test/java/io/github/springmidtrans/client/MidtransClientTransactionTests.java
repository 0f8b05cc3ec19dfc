package io.github.springmidtrans.client;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.springmidtrans.client.model.CaptureRequest;
import io.github.springmidtrans.client.model.FraudStatus;
import io.github.springmidtrans.client.model.PaymentType;
import io.github.springmidtrans.client.model.RefundRequest;
import io.github.springmidtrans.client.model.RefundResponse;
import io.github.springmidtrans.client.model.TransactionListResponse;
import io.github.springmidtrans.client.model.TransactionResponse;
import io.github.springmidtrans.client.model.TransactionStatus;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Status, state-changing actions, capture and refunds.
 */
class MidtransClientTransactionTests {

	@StartStop
	final MockWebServer server = new MockWebServer();

	@Test
	void statusParsesTheFullTransaction() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","status_message":"Success, transaction is found","transaction_id":"249fc620",
				 "masked_card":"48111111-1114","order_id":"example-1424936368","payment_type":"credit_card",
				 "transaction_time":"2021-02-26 14:39:33","transaction_status":"partial_refund","fraud_status":"accept",
				 "signature_key":"abc","bank":"bni","gross_amount":"30000.00","refund_amount":"12000.00",
				 "custom_field1":"x","metadata":{"cart":{"id":7}},
				 "refunds":[{"refund_chargeback_id":1,"refund_amount":"5000.00","created_at":"2015-02-27 00:14:20",
				             "reason":"some reason","refund_key":"reference1","refund_method":"online",
				             "bank_confirmed_at":"2015-02-27 02:30:20"}],
				 "payment_amounts":[{"paid_at":"2021-06-23 11:42:02","amount":"150000.00"}]}
				"""));

		TransactionResponse status = MockMidtrans.client(this.server).status("example-1424936368");

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("GET");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/example-1424936368/status");
		assertThat(request.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.PARTIAL_REFUND);
		assertThat(status.refundAmount()).isEqualByComparingTo("12000");
		assertThat(status.refunds()).singleElement().satisfies((refund) -> {
			assertThat(refund.refundKey()).isEqualTo("reference1");
			assertThat(refund.refundAmount()).isEqualByComparingTo("5000");
			assertThat(refund.bankConfirmedAt())
				.isEqualTo(OffsetDateTime.of(2015, 2, 27, 2, 30, 20, 0, ZoneOffset.ofHours(7)));
		});
		assertThat(status.paymentAmounts()).singleElement()
			.extracting(TransactionResponse.PaymentAmount::amount)
			.isEqualTo(new BigDecimal("150000.00"));
		assertThat(status.customField1()).isEqualTo("x");
		assertThat(status.metadata()).containsKey("cart");
		assertThat(status.signatureKey()).isEqualTo("abc");
	}

	@Test
	void statusEncodesUnsafeOrderIds() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"order_id\":\"a b#c\"}"));
		MockMidtrans.client(this.server).status("a b#c");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/a%20b%23c/status");
	}

	@Test
	void expiredStatusIsAnAnswer() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"407","status_message":"Success, transaction has expired","order_id":"o-1",
				 "transaction_status":"expire","payment_type":"bank_transfer"}
				"""));
		TransactionResponse status = MockMidtrans.client(this.server).status("o-1");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.EXPIRE);
		assertThat(status.statusCode()).isEqualTo("407");
	}

	@Test
	void unknownStatusAndPaymentTypeValuesAreTolerated() {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","order_id":"o-1","transaction_status":"PENDING","payment_type":"teleport",
				 "fraud_status":"maybe"}
				"""));
		TransactionResponse status = MockMidtrans.client(this.server).status("o-1");
		assertThat(status.transactionStatus()).isEqualTo(TransactionStatus.PENDING);
		assertThat(status.paymentType()).isEqualTo(PaymentType.UNKNOWN);
		assertThat(status.fraudStatus()).isEqualTo(FraudStatus.UNKNOWN);
		assertThat(status.raw().text("payment_type")).isEqualTo("teleport");
	}

	@Test
	void statusB2bReadsAPageWithItsOwnRawBodies() throws Exception {
		this.server.enqueue(MockMidtrans
			.json("""
					{"status_code":"200","status_message":"Success, transactions are retrieved","transactions":[
					  {"status_code":"200","order_id":"va-1","transaction_id":"t1","transaction_status":"settlement","gross_amount":"1.00"},
					  {"status_code":"200","order_id":"va-1","transaction_id":"t2","transaction_status":"settlement","gross_amount":"2.00"}]}
					"""));
		TransactionListResponse page = MockMidtrans.client(this.server).statusB2b("va-1", 2, 5);

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/va-1/status/b2b");
		assertThat(request.getUrl().queryParameter("page")).isEqualTo("2");
		assertThat(request.getUrl().queryParameter("per_page")).isEqualTo("5");
		assertThat(page.transactions()).extracting(TransactionResponse::transactionId).containsExactly("t1", "t2");
		assertThat(page.transactions().get(1).raw().text("transaction_id")).isEqualTo("t2");
	}

	@Test
	void cancelExpireApproveAndDenyPostToTheirPaths() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"transaction_status\":\"cancel\"}"));
		this.server.enqueue(MockMidtrans.json(
				"{\"status_code\":\"407\",\"status_message\":\"Success, transaction has expired\",\"transaction_status\":\"expire\"}"));
		this.server.enqueue(MockMidtrans
			.json("{\"status_code\":\"200\",\"transaction_status\":\"capture\",\"fraud_status\":\"accept\"}"));
		this.server.enqueue(MockMidtrans
			.json("{\"status_code\":\"200\",\"transaction_status\":\"deny\",\"fraud_status\":\"deny\"}"));
		MidtransClient client = MockMidtrans.client(this.server);

		assertThat(client.cancel("o-1").transactionStatus()).isEqualTo(TransactionStatus.CANCEL);
		assertThat(client.expire("o-2", RequestOptions.none().withIdempotencyKey("k-expire")).transactionStatus())
			.isEqualTo(TransactionStatus.EXPIRE);
		assertThat(client.approve("o-3").fraudStatus()).isEqualTo(FraudStatus.ACCEPT);
		assertThat(client.deny("o-4").fraudStatus()).isEqualTo(FraudStatus.DENY);

		RecordedRequest cancel = this.server.takeRequest();
		assertThat(cancel.getMethod()).isEqualTo("POST");
		assertThat(cancel.getUrl().encodedPath()).isEqualTo("/v2/o-1/cancel");
		assertThat(cancel.getHeaders().get("Authorization")).isEqualTo(MockMidtrans.AUTHORIZATION);
		RecordedRequest expire = this.server.takeRequest();
		assertThat(expire.getUrl().encodedPath()).isEqualTo("/v2/o-2/expire");
		assertThat(expire.getHeaders().get("Idempotency-Key")).isEqualTo("k-expire");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/o-3/approve");
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/o-4/deny");
	}

	@Test
	void cancelOfASettledTransactionReportsCannotModify() {
		this.server.enqueue(MockMidtrans.json(
				"{\"status_code\":\"412\",\"status_message\":\"Merchant cannot modify the status of the transaction\"}"));
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).cancel("o-1"))
			.satisfies((ex) -> {
				assertThat(ex.getMidtransStatusCode()).isEqualTo("412");
				assertThat(ex.getHttpStatus()).isEqualTo(200);
				assertThat(ex.isRetryable()).isFalse();
				assertThat(ex.getOperation()).isEqualTo(MidtransOperation.CANCEL);
				assertThat(ex.getOrderId()).isEqualTo("o-1");
				assertThat(ex.getMessage()).isEqualTo(
						"Midtrans cancel for order 'o-1' failed: rejected (HTTP 200, status_code 412): Merchant cannot modify the status of the transaction");
			});
	}

	@Test
	void captureSendsTransactionIdAndAmount() throws Exception {
		this.server.enqueue(MockMidtrans.json(
				"{\"status_code\":\"200\",\"transaction_id\":\"t-1\",\"transaction_status\":\"capture\",\"gross_amount\":\"145000.00\"}"));
		TransactionResponse captured = MockMidtrans.client(this.server).capture(new CaptureRequest("t-1", 145_000L));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/capture");
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("transaction_id").asString()).isEqualTo("t-1");
		assertThat(body.get("gross_amount").asLong()).isEqualTo(145_000);
		assertThat(captured.transactionStatus()).isEqualTo(TransactionStatus.CAPTURE);
	}

	@Test
	void refundSendsItsKeyAndParsesTheAnswer() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"200","status_message":"Success, refund request is approved",
				 "transaction_id":"447e846a","order_id":"vtcc05","payment_type":"credit_card",
				 "transaction_time":"2015-06-15 13:36:24","transaction_status":"partial_refund",
				 "gross_amount":"10000.00","refund_chargeback_id":1,"refund_amount":"5000.00","refund_key":"reference1"}
				"""));
		RefundResponse refund = MockMidtrans.client(this.server)
			.refund("vtcc05", RefundRequest.of("reference1", 5_000, "for some reason"));

		RecordedRequest request = this.server.takeRequest();
		assertThat(request.getMethod()).isEqualTo("POST");
		assertThat(request.getUrl().encodedPath()).isEqualTo("/v2/vtcc05/refund");
		JsonNode body = MockMidtrans.jsonBody(request);
		assertThat(body.get("refund_key").asString()).isEqualTo("reference1");
		assertThat(body.get("amount").asLong()).isEqualTo(5_000);
		assertThat(body.get("reason").asString()).isEqualTo("for some reason");
		assertThat(refund.transactionStatus()).isEqualTo(TransactionStatus.PARTIAL_REFUND);
		assertThat(refund.refundAmount()).isEqualByComparingTo("5000");
		assertThat(refund.refundChargebackId()).isEqualTo(1L);
	}

	@Test
	void fullRefundOmitsTheAmount() throws Exception {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"200\",\"transaction_status\":\"refund\"}"));
		MockMidtrans.client(this.server).refund("o-1", RefundRequest.full("rk-1", null));
		JsonNode body = MockMidtrans.jsonBody(this.server.takeRequest());
		assertThat(body.propertyNames()).containsExactly("refund_key");
	}

	@Test
	void directRefundDeniedByTheBankIsAnError() throws Exception {
		this.server.enqueue(MockMidtrans.json("""
				{"status_code":"202","status_message":"Refund denied by the bank","transaction_status":"settlement",
				 "refund_amount":"0.00"}
				"""));
		assertThatExceptionOfType(MidtransApiException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).directRefund("o-1", RefundRequest.of("rk-1", 100, null)))
			.satisfies((ex) -> {
				assertThat(ex.getMidtransStatusCode()).isEqualTo("202");
				assertThat(ex.getStatusMessage()).isEqualTo("Refund denied by the bank");
				assertThat(ex.isRetryable()).isFalse();
			});
		assertThat(this.server.takeRequest().getUrl().encodedPath()).isEqualTo("/v2/o-1/refund/online/direct");
	}

	@Test
	void duplicateRefundKeyIsReportedAsDuplicate() {
		this.server.enqueue(MockMidtrans.json("{\"status_code\":\"406\",\"status_message\":\"Duplicate refund ID\"}"));
		assertThatExceptionOfType(MidtransDuplicateOrderException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).refund("o-1", RefundRequest.of("rk-1", 100, null)))
			.satisfies((ex) -> assertThat(ex.isRetryable()).isFalse());
	}

	@Test
	void notificationUrlsAreRefusedWhereMidtransIgnoresThem() {
		RequestOptions options = RequestOptions.none().withOverrideNotification("https://a.example/n");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> MockMidtrans.client(this.server).cancel("o-1", options))
			.withMessageContaining("only be set when a transaction is created");
		assertThat(this.server.getRequestCount()).isZero();
	}

}
