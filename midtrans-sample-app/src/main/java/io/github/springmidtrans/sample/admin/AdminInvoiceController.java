package io.github.springmidtrans.sample.admin;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import io.github.springmidtrans.client.model.InvoiceCustomer;
import io.github.springmidtrans.client.model.InvoiceItem;
import io.github.springmidtrans.client.model.InvoiceRequest;
import io.github.springmidtrans.client.model.InvoiceVaBank;
import io.github.springmidtrans.client.model.InvoiceVirtualAccount;
import io.github.springmidtrans.invoice.InvoiceService;
import io.github.springmidtrans.invoice.InvoiceStatus;
import io.github.springmidtrans.invoice.MidtransInvoice;
import io.github.springmidtrans.sample.Labels;
import io.github.springmidtrans.task.CheckOverdueInvoicesResult;
import io.github.springmidtrans.task.PaymentTaskService;
import io.github.springmidtrans.test.MidtransSimulator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of invoices: list, create (virtual account invoices), void, and the overdue
 * check.
 */
@Controller
@RequestMapping("/admin/invoices")
class AdminInvoiceController {

	/** Jakarta time, in which Midtrans reads invoice dates. */
	private static final ZoneOffset JAKARTA = ZoneOffset.ofHours(7);

	/** Every bank Midtrans offers for invoices ({@code UNKNOWN} only reads answers). */
	private static final Set<InvoiceVaBank> OFFERED_BANKS = EnumSet.complementOf(EnumSet.of(InvoiceVaBank.UNKNOWN));

	private final AdminQueries queries;

	private final Labels labels;

	private final InvoiceService invoices;

	private final PaymentTaskService tasks;

	private final ObjectProvider<MidtransSimulator> simulator;

	AdminInvoiceController(AdminQueries queries, InvoiceService invoices, PaymentTaskService tasks,
			ObjectProvider<MidtransSimulator> simulator, Labels labels) {
		this.queries = queries;
		this.labels = labels;
		this.invoices = invoices;
		this.tasks = tasks;
		this.simulator = simulator;
	}

	@GetMapping
	String invoices(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("invoices", this.queries.invoices(page));
		model.addAttribute("banks", OFFERED_BANKS);
		model.addAttribute("demo", this.simulator.getIfAvailable() != null);
		model.addAttribute("voidable", EnumSet.of(InvoiceStatus.DRAFT, InvoiceStatus.PENDING, InvoiceStatus.OVERDUE));
		model.addAttribute("payable", EnumSet.of(InvoiceStatus.PENDING, InvoiceStatus.OVERDUE));
		return "admin/invoices";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String customer, @RequestParam(defaultValue = "") String email,
			@RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "0") long amount,
			@RequestParam(defaultValue = "7") int dueInDays, @RequestParam(defaultValue = "BCA_VA") String bank,
			RedirectAttributes redirect) {
		AdminActions.run(redirect, "Creating the invoice", () -> {
			if (customer.isBlank() || description.isBlank()) {
				throw new IllegalArgumentException("customer and description are required");
			}
			if (amount <= 0) {
				throw new IllegalArgumentException("the amount must be a positive number of rupiah");
			}
			if (dueInDays < 1 || dueInDays > 365) {
				throw new IllegalArgumentException("the due date must be 1 to 365 days away");
			}
			InvoiceVaBank vaBank = OFFERED_BANKS.stream()
				.filter((offered) -> offered.name().equals(bank))
				.findFirst()
				.orElseThrow(() -> new IllegalArgumentException("please choose one of the virtual accounts offered"));
			OffsetDateTime now = OffsetDateTime.now(JAKARTA).withNano(0);
			String number = this.invoices.newInvoiceNumber();
			MidtransInvoice invoice = this.invoices.create(
					InvoiceRequest
						.virtualAccount("ORDER-" + number.toUpperCase(Locale.ROOT), number, now,
								now.plusDays(dueInDays),
								InvoiceCustomer.of(null, customer.strip(), email.isBlank() ? null : email.strip(),
										null),
								InvoiceVirtualAccount.of(vaBank))
						.item(InvoiceItem.of(null, description.strip(), 1, amount))
						.build());
			return "Invoice " + invoice.getInvoiceNumber() + " is " + status(invoice) + ".";
		});
		return "redirect:/admin/invoices";
	}

	@PostMapping("/{orderId}/void")
	String voidInvoice(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Voiding the invoice",
				() -> "Invoice " + this.invoices.voidInvoice(orderId).getInvoiceNumber() + " is voided.");
		return "redirect:/admin/invoices";
	}

	@PostMapping("/{orderId}/refresh")
	String refresh(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Status check", () -> {
			MidtransInvoice invoice = this.invoices.refreshStatus(orderId);
			return "Invoice " + invoice.getInvoiceNumber() + " is " + status(invoice) + ".";
		});
		return "redirect:/admin/invoices";
	}

	@PostMapping("/{orderId}/simulate-payment")
	String simulatePayment(@PathVariable String orderId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Paying the invoice", () -> {
			MidtransSimulator simulator = this.simulator.getIfAvailable();
			if (simulator == null) {
				throw new IllegalStateException("payments are simulated in demo mode only");
			}
			MidtransInvoice invoice = this.queries.invoice(orderId)
				.orElseThrow(() -> new IllegalArgumentException("no invoice " + orderId));
			if (invoice.getMidtransInvoiceId() == null) {
				throw new IllegalStateException("the invoice was not created at Midtrans");
			}
			simulator.payInvoice(invoice.getMidtransInvoiceId());
			return "The simulator paid invoice " + invoice.getInvoiceNumber() + "; its notification is on the way.";
		});
		return "redirect:/admin/invoices";
	}

	private String status(MidtransInvoice invoice) {
		return this.labels.invoiceStatus(invoice.getStatus()).toLowerCase(Locale.ROOT);
	}

	@PostMapping("/overdue")
	String markOverdue(RedirectAttributes redirect) {
		AdminActions.run(redirect, "The overdue check", () -> {
			CheckOverdueInvoicesResult result = this.tasks.checkOverdueInvoices();
			return "Overdue check done: " + result.overdue() + " invoice(s) marked overdue.";
		});
		return "redirect:/admin/invoices";
	}

}
