package io.github.springmidtrans.sample.admin;

import java.util.EnumSet;
import java.util.Locale;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.model.CardRegisterRequest;
import io.github.springmidtrans.client.model.CustomerDetails;
import io.github.springmidtrans.client.model.IntervalUnit;
import io.github.springmidtrans.client.model.SubscriptionRequest;
import io.github.springmidtrans.client.model.SubscriptionSchedule;
import io.github.springmidtrans.sample.Labels;
import io.github.springmidtrans.subscription.MidtransSubscription;
import io.github.springmidtrans.subscription.SubscriptionService;
import io.github.springmidtrans.subscription.SubscriptionStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Admin pages of subscriptions: list, create (card subscriptions on the test card),
 * enable, disable, cancel and a status check.
 */
@Controller
@RequestMapping("/admin/subscriptions")
class AdminSubscriptionController {

	/**
	 * The test card that subscriptions are created on, in demo mode and on the sandbox. A
	 * real shop registers the customer's card in the browser with Midtrans' script.
	 */
	private static final CardRegisterRequest TEST_CARD = CardRegisterRequest.of("4811111111111114", "12", "2030");

	private final AdminQueries queries;

	private final SubscriptionService subscriptions;

	private final MidtransClient client;

	private final Labels labels;

	AdminSubscriptionController(AdminQueries queries, SubscriptionService subscriptions, MidtransClient client,
			Labels labels) {
		this.queries = queries;
		this.subscriptions = subscriptions;
		this.client = client;
		this.labels = labels;
	}

	@GetMapping
	String subscriptions(@RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("subscriptions", this.queries.subscriptions(page));
		model.addAttribute("units", EnumSet.of(IntervalUnit.DAY, IntervalUnit.WEEK, IntervalUnit.MONTH));
		model.addAttribute("enableable", EnumSet.of(SubscriptionStatus.INACTIVE, SubscriptionStatus.DISABLED));
		model.addAttribute("disableable", EnumSet.of(SubscriptionStatus.ACTIVE));
		model.addAttribute("cancellable",
				EnumSet.of(SubscriptionStatus.ACTIVE, SubscriptionStatus.INACTIVE, SubscriptionStatus.DISABLED));
		return "admin/subscriptions";
	}

	@PostMapping
	String create(@RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "0") long amount,
			@RequestParam(defaultValue = "1") int interval, @RequestParam(defaultValue = "MONTH") String unit,
			@RequestParam(defaultValue = "") String customer, @RequestParam(defaultValue = "") String email,
			RedirectAttributes redirect) {
		AdminActions.run(redirect, "Creating the subscription", () -> {
			if (amount <= 0) {
				throw new IllegalArgumentException("the amount must be a positive number of rupiah");
			}
			if (interval < 1 || interval > 365) {
				throw new IllegalArgumentException("the interval must be 1 to 365");
			}
			String savedToken = this.client.cards().register(TEST_CARD).savedTokenId();
			if (savedToken == null) {
				throw new IllegalStateException("Midtrans registered the card without a saved token");
			}
			SubscriptionRequest.Builder request = SubscriptionRequest.creditCard(name.strip(), amount, savedToken,
					SubscriptionSchedule.every(interval, IntervalUnit.valueOf(unit)));
			if (!customer.isBlank()) {
				request
					.customer(CustomerDetails.of(customer.strip(), null, email.isBlank() ? null : email.strip(), null));
			}
			MidtransSubscription subscription = this.subscriptions.create(request.build());
			return "Subscription " + subscription.getName() + " is " + status(subscription) + ".";
		});
		return "redirect:/admin/subscriptions";
	}

	@PostMapping("/{subscriptionId}/enable")
	String enable(@PathVariable String subscriptionId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Enabling",
				() -> "Subscription is " + status(this.subscriptions.enable(subscriptionId)) + ".");
		return "redirect:/admin/subscriptions";
	}

	@PostMapping("/{subscriptionId}/disable")
	String disable(@PathVariable String subscriptionId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Disabling",
				() -> "Subscription is " + status(this.subscriptions.disable(subscriptionId)) + ".");
		return "redirect:/admin/subscriptions";
	}

	@PostMapping("/{subscriptionId}/cancel")
	String cancel(@PathVariable String subscriptionId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Cancelling",
				() -> "Subscription is " + status(this.subscriptions.cancel(subscriptionId)) + ".");
		return "redirect:/admin/subscriptions";
	}

	@PostMapping("/{subscriptionId}/refresh")
	String refresh(@PathVariable String subscriptionId, RedirectAttributes redirect) {
		AdminActions.run(redirect, "Status check",
				() -> "Midtrans says the subscription is " + status(this.subscriptions.refresh(subscriptionId)) + ".");
		return "redirect:/admin/subscriptions";
	}

	private String status(MidtransSubscription subscription) {
		return this.labels.subscriptionStatus(subscription.getStatus()).toLowerCase(Locale.ROOT);
	}

}
