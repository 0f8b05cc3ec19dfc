package io.github.springmidtrans.query;

import java.sql.Timestamp;
import java.time.Instant;

import io.github.springmidtrans.DatabaseFixture;
import io.github.springmidtrans.DatabaseFixture.Database;
import io.github.springmidtrans.payment.MidtransPayment;
import io.github.springmidtrans.payment.MidtransRefund;
import io.github.springmidtrans.payment.PaymentStatus;
import io.github.springmidtrans.payment.RefundState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Paged, filtered listings on a real database. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MidtransQueriesIntegrationTests {

	private static final Instant DAY_ONE = Instant.parse("2026-11-01T00:00:00Z");

	private DatabaseFixture database;

	private MidtransQueries queries;

	abstract Database database();

	@BeforeAll
	void start() {
		this.database = DatabaseFixture.start(database());
		this.queries = new MidtransQueries(this.database.entityManager(), this.database.transactionManager());
		JdbcTemplate jdbc = this.database.jdbc();
		// Twelve payments, one a day: every third settled, the rest pending; two
		// customers; every fourth by QRIS, the last a Snap payment whose method is not
		// chosen yet, the rest by bank transfer.
		for (int i = 0; i < 12; i++) {
			String status = (i % 3 == 0) ? "SETTLEMENT" : "PENDING";
			String email = (i % 2 == 0) ? "Budi@Example.com" : "sari@example.com";
			String type = (i == 11) ? null : (i % 4 == 0) ? "qris" : "bank_transfer";
			Timestamp created = Timestamp.from(DAY_ONE.plusSeconds(86_400L * i));
			jdbc.update(
					"insert into midtrans_payment (order_id, gross_amount, currency, status, refunded_amount,"
							+ " idempotency_key, attempts, snap, version, customer_email, payment_type, created_at,"
							+ " updated_at) values (?, 10000, 'IDR', ?, 0, ?, 0, false, 0, ?, ?, ?, ?)",
					"Q-" + i, status, "key-" + i, email, type, created, created);
		}
		Long paymentId = jdbc.queryForObject("select id from midtrans_payment where order_id = 'Q-0'", Long.class);
		jdbc.update("insert into midtrans_refund (payment_id, order_id, refund_key, amount, direct, state, attempts,"
				+ " version, created_at, updated_at) values (?, 'Q-0', 'rf-q-0', 1000, false, 'SUCCEEDED', 0, 0,"
				+ " current_timestamp, current_timestamp)", paymentId);
	}

	@AfterAll
	void stop() {
		this.database.close();
	}

	@Test
	void pagesAreNewestFirstWithTheTotal() {
		Page<MidtransPayment> first = this.queries.payments(QueryFilter.any(), PageRequest.of(0, 5));
		Page<MidtransPayment> last = this.queries.payments(QueryFilter.any(), PageRequest.of(2, 5));

		assertThat(first.getTotalElements()).isEqualTo(12);
		assertThat(first.getTotalPages()).isEqualTo(3);
		assertThat(first.getContent()).extracting(MidtransPayment::getOrderId)
			.containsExactly("Q-11", "Q-10", "Q-9", "Q-8", "Q-7");
		assertThat(last.getContent()).extracting(MidtransPayment::getOrderId).containsExactly("Q-1", "Q-0");
	}

	@Test
	void filtersCombine() {
		QueryFilter<PaymentStatus> pendingOfBudiInTheFirstWeek = QueryFilter.<PaymentStatus>any()
			.status(PaymentStatus.PENDING)
			.customerEmail("budi@example.COM")
			.created(DAY_ONE, DAY_ONE.plusSeconds(7 * 86_400L));

		Page<MidtransPayment> page = this.queries.payments(pendingOfBudiInTheFirstWeek,
				PageRequest.of(0, 10, Sort.by("createdAt")));

		assertThat(page.getContent()).extracting(MidtransPayment::getOrderId).containsExactly("Q-2", "Q-4");
		assertThat(
				this.queries.payments(QueryFilter.<PaymentStatus>any().orderId("Q-7"), Pageable.unpaged()).getContent())
			.extracting(MidtransPayment::getOrderId)
			.containsExactly("Q-7");
		assertThat(this.queries.payments(QueryFilter.<PaymentStatus>any().orderId("q-7"), Pageable.unpaged()))
			.isEmpty();
	}

	@Test
	void paymentsAreFilteredByMethod() {
		Page<MidtransPayment> qris = this.queries.payments(QueryFilter.<PaymentStatus>any().paymentType("qris"),
				PageRequest.of(0, 2));
		Page<MidtransPayment> settledByTransfer = this.queries.payments(
				QueryFilter.<PaymentStatus>any().status(PaymentStatus.SETTLEMENT).paymentType("bank_transfer"),
				Pageable.unpaged());

		assertThat(qris.getContent()).extracting(MidtransPayment::getOrderId).containsExactly("Q-8", "Q-4");
		assertThat(qris.getTotalElements()).isEqualTo(3);
		assertThat(settledByTransfer.getContent()).extracting(MidtransPayment::getOrderId)
			.containsExactly("Q-9", "Q-6", "Q-3");
		assertThat(this.queries.payments(QueryFilter.<PaymentStatus>any().paymentType("gopay"), Pageable.unpaged()))
			.isEmpty();
	}

	@Test
	void refundsAreListedByState() {
		Page<MidtransRefund> succeeded = this.queries
			.refunds(QueryFilter.<RefundState>any().status(RefundState.SUCCEEDED), PageRequest.of(0, 10));

		assertThat(succeeded.getContent()).extracting(MidtransRefund::getRefundKey).containsExactly("rf-q-0");
		assertThat(this.queries.refunds(QueryFilter.<RefundState>any().status(RefundState.REQUESTED),
				PageRequest.of(0, 10)))
			.isEmpty();
	}

	@Test
	void whatARecordDoesNotHaveIsRefusedClearly() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> this.queries.refunds(QueryFilter.<RefundState>any().customerEmail("a@b.c"), Pageable.unpaged()))
			.withMessage("MidtransRefund has no customer e-mail to filter by");
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> this.queries.refunds(QueryFilter.<RefundState>any().paymentType("qris"), Pageable.unpaged()))
			.withMessage("MidtransRefund has no payment method to filter by");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.queries.payments(QueryFilter.any(), PageRequest.of(0, 5, Sort.by("serverKey"))))
			.withMessage(
					"Cannot sort MidtransPayment by 'serverKey'; sort by id, createdAt, updatedAt, status, orderId");
		assertThat(this.queries.invoices(QueryFilter.any(), PageRequest.of(0, 5))).isEmpty();
		assertThat(this.queries.subscriptions(QueryFilter.any(), PageRequest.of(0, 5))).isEmpty();
	}

}
