package io.github.springmidtrans.sample.admin;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.sample.ShopHttp;
import io.github.springmidtrans.sample.ShopHttp.Page;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The overdue check of the invoices page, with the starter's clock moved past the due
 * date.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AdminOverdueInvoiceIntegrationTests {

	@LocalServerPort
	int port;

	@Autowired
	MovableClock clock;

	@Autowired
	InvoiceService invoices;

	@Autowired
	EntityManager entityManager;

	@Test
	void invoicesPastTheirDueDateAreMarkedOverdue() {
		ShopHttp http = new ShopHttp(this.port).signInAsAdmin();
		Page created = http.submit("/admin/invoices", "customer", "Dewi", "description", "Due tomorrow", "amount",
				"250000", "dueInDays", "1", "bank", "BRI_VA");
		assertThat(created.has("error")).as(created.text("error")).isFalse();
		String orderId = this.entityManager
			.createQuery("select i.orderId from MidtransInvoice i order by i.id desc", String.class)
			.setMaxResults(1)
			.getSingleResult();

		Page early = http.submit("/admin/invoices/overdue");
		assertThat(early.text("message")).isEqualTo("Overdue check done: 0 invoice(s) marked overdue.");

		this.clock.advance(Duration.ofDays(2));
		Page late = http.submit("/admin/invoices/overdue");

		assertThat(late.text("message")).isEqualTo("Overdue check done: 1 invoice(s) marked overdue.");
		MidtransInvoice invoice = this.invoices.findByOrderId(orderId).orElseThrow();
		assertThat(invoice.getStatus()).isEqualTo(InvoiceStatus.OVERDUE);
		assertThat(late.body()).contains("data-order-id=\"" + orderId + "\" data-status=\"OVERDUE\"");
		assertThat(late.has("void-" + orderId)).as("overdue invoices can still be voided").isTrue();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

	/**
	 * A clock at the current time that a test moves forward.
	 */
	static final class MovableClock extends Clock {

		private volatile Duration offset = Duration.ZERO;

		void advance(Duration duration) {
			this.offset = this.offset.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return Instant.now().plus(this.offset);
		}

	}

}
