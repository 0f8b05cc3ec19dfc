package io.github.springmidtrans.sample;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.openqa.selenium.Alert;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole customer journey in a real headless Chromium: checkout with a BCA virtual
 * account, the VA number on the order page, "simulate payment", the order page turning
 * paid by itself, and the admin list (after the demo login) showing the payment as
 * settled; the same with Snap, through the simulator's hosted page and back to the shop's
 * finish page; and the admin signing in and refunding a paid order, confirming the refund
 * in the browser's dialog.
 *
 * <p>
 * Runs when {@code MIDTRANS_TEST_BROWSER} names the Chromium binary ({@code .ci/run} sets
 * it to Debian's {@code /usr/bin/chromium}); the driver is {@code /usr/bin/chromedriver}
 * unless {@code MIDTRANS_TEST_CHROMEDRIVER} says otherwise. Once asked for, a missing
 * browser or driver fails the test. Both are given explicitly, so Selenium never looks
 * for or downloads one.
 */
@EnabledIfEnvironmentVariable(named = "MIDTRANS_TEST_BROWSER", matches = ".+",
		disabledReason = "Browser test not run: set MIDTRANS_TEST_BROWSER to a Chromium binary (.ci/run does)")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ShopBrowserIntegrationTests {

	private static final Duration PATIENCE = Duration.ofSeconds(20);

	/**
	 * Kept, so that the level holds: Selenium's DevTools lookup warns about every new
	 * Chromium.
	 */
	private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger
		.getLogger("org.openqa.selenium");

	private static Path profile;

	private static ChromeDriverService service;

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		Path chromium = Path.of(System.getenv("MIDTRANS_TEST_BROWSER"));
		String driverVariable = System.getenv("MIDTRANS_TEST_CHROMEDRIVER");
		Path driver = Path
			.of((driverVariable != null && !driverVariable.isBlank()) ? driverVariable : "/usr/bin/chromedriver");
		assertThat(Files.isExecutable(chromium))
			.as("MIDTRANS_TEST_BROWSER is set but %s is not an executable browser", chromium)
			.isTrue();
		assertThat(Files.isExecutable(driver))
			.as("%s is missing: install chromium-driver or set MIDTRANS_TEST_CHROMEDRIVER", driver)
			.isTrue();
		// Selenium asks Selenium Manager for anything not given: give everything.
		System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, driver.toString());
		SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
		profile = Files.createTempDirectory("shop-chromium-");
		ChromeOptions options = new ChromeOptions().setBinary(chromium.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
					"--disable-background-networking", "--disable-component-update", "--disable-sync",
					"--disable-dev-shm-usage", "--window-size=1280,1000", "--user-data-dir=" + profile);
		service = new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).usingAnyFreePort().build();
		browser = new ChromeDriver(service, options);
		browser.manage().timeouts().pageLoadTimeout(PATIENCE);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		try {
			if (browser != null) {
				browser.quit();
			}
		}
		finally {
			if (service != null) {
				service.stop();
			}
			if (profile != null) {
				try (Stream<Path> files = Files.walk(profile)) {
					files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
				}
			}
		}
	}

	@BeforeEach
	void newVisitor() {
		// Each test is a new visitor: no session, no login.
		browser.get("http://127.0.0.1:" + this.port + "/");
		browser.manage().deleteAllCookies();
	}

	@Test
	void checkoutPayAndSeeTheSettledPaymentInAdmin() {
		WebDriverWait wait = patiently();
		browser.get("http://127.0.0.1:" + this.port + "/");
		browser.findElement(By.id("buy-KOPI-250")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-core-api")));
		WebElement quantity = browser.findElement(By.id("quantity"));
		quantity.clear();
		quantity.sendKeys("2");
		browser.findElement(By.id("name")).sendKeys("Budi Utomo");
		browser.findElement(By.id("email")).sendKeys("budi@example.com");
		browser.findElement(By.id("method-BCA_VA")).click();
		browser.findElement(By.id("pay-core-api")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("va-number")));
		assertThat(text(wait, "va-number")).matches("\\d{8,}");
		assertThat(text(wait, "va-bank")).isEqualTo("BCA");
		assertThat(attribute(wait, "order-status", "data-status")).isEqualTo("AWAITING_PAYMENT");
		String orderNumber = text(wait, "order-number");

		click(wait, "simulate-payment");

		// The notification reaches the webhook and the page, refreshing itself, turns
		// paid.
		wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "FULFILLED"));
		assertThat(browser.findElement(By.id("order-status")).getText()).isEqualTo("Paid and fulfilled");
		assertThat(browser.findElement(By.id("paid-banner")).isDisplayed()).isTrue();
		assertThat(browser.findElements(By.id("va-number"))).isEmpty();

		browser.findElement(By.id("nav-admin")).click();
		signIn(wait, ShopHttp.ADMIN_PASSWORD);
		WebElement row = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#payments tr[data-order-id='" + orderNumber + "']")));
		assertThat(row.getDomAttribute("data-status")).isEqualTo("SETTLEMENT");
		assertThat(row.findElement(By.cssSelector(".status")).getText()).isEqualTo("Settled");
		assertThat(row.getText()).contains("Bank transfer", "BCA", "Rp 170.000");
	}

	@Test
	void checkoutWithSnapPayOnItsPageAndComeBackPaid() {
		WebDriverWait wait = patiently();
		browser.get("http://127.0.0.1:" + this.port + "/");
		browser.findElement(By.id("buy-KOPI-250")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-snap")));
		WebElement quantity = browser.findElement(By.id("snap-quantity"));
		quantity.clear();
		quantity.sendKeys("2");
		browser.findElement(By.id("snap-name")).sendKeys("Budi Utomo");
		browser.findElement(By.id("snap-email")).sendKeys("budi@example.com");
		browser.findElement(By.id("pay-snap")).click();

		// Snap's hosted page (the simulator's): choose a BCA virtual account.
		WebElement orderId = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("order-id")));
		String orderNumber = orderId.getText();
		assertThat(orderNumber).startsWith("SHOP-");
		browser.findElement(By.id("method-bank_transfer")).click();
		browser.findElement(By.id("bank-bca")).click();
		browser.findElement(By.id("choose")).click();

		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("va-number")));
		assertThat(text(wait, "va-number")).matches("\\d{8,}");
		browser.findElement(By.id("simulate-payment")).click();

		// Back on the shop's finish page, which refreshes itself until the notification
		// has arrived.
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("snap-finish")));
		assertThat(text(wait, "order-number")).isEqualTo(orderNumber);
		wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "FULFILLED"));
		assertThat(browser.findElement(By.id("paid-banner")).isDisplayed()).isTrue();
		assertThat(browser.findElement(By.id("payment-type")).getText()).isEqualTo("Bank transfer, BCA");

		browser.findElement(By.id("nav-admin")).click();
		signIn(wait, ShopHttp.ADMIN_PASSWORD);
		WebElement row = wait.until(ExpectedConditions
			.visibilityOfElementLocated(By.cssSelector("#payments tr[data-order-id='" + orderNumber + "']")));
		assertThat(row.getDomAttribute("data-status")).isEqualTo("SETTLEMENT");
		assertThat(row.getText()).contains("Bank transfer", "BCA", "Rp 170.000");
	}

	@Test
	void adminSignsInAndRefundsAPaidOrderAfterConfirming() {
		WebDriverWait wait = patiently();
		browser.get("http://127.0.0.1:" + this.port + "/");
		browser.findElement(By.id("buy-TEH-100")).click();
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("checkout-core-api")));
		browser.findElement(By.id("name")).sendKeys("Siti Rahma");
		browser.findElement(By.id("email")).sendKeys("siti@example.com");
		browser.findElement(By.id("method-GOPAY")).click();
		browser.findElement(By.id("pay-core-api")).click();
		String orderNumber = text(wait, "order-number");
		click(wait, "simulate-payment");
		wait.until(ExpectedConditions.attributeToBe(By.id("order-status"), "data-status", "FULFILLED"));

		// The admin pages ask for the login; a wrong password is refused.
		browser.get("http://127.0.0.1:" + this.port + "/admin/payments/" + orderNumber);
		signIn(wait, "not-the-password");
		assertThat(text(wait, "error")).isEqualTo("Wrong user name or password.");
		signIn(wait, ShopHttp.ADMIN_PASSWORD);
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("payment-order-id")));
		assertThat(text(wait, "payment-order-id")).isEqualTo(orderNumber);
		assertThat(text(wait, "signed-in")).isEqualTo(ShopHttp.ADMIN_USER);
		assertThat(text(wait, "payment-status")).isEqualTo("Settled");

		WebElement amount = browser.findElement(By.id("refund-amount"));
		amount.clear();
		amount.sendKeys("20000");
		browser.findElement(By.id("refund-reason")).sendKeys("one pack damaged");

		// Saying no to the question sends nothing.
		browser.findElement(By.id("action-refund")).click();
		Alert question = wait.until(ExpectedConditions.alertIsPresent());
		assertThat(question.getText())
			.isEqualTo("Refund Rp 20.000 to the customer? Money sent back cannot be taken back.");
		question.dismiss();
		assertThat(browser.findElements(By.cssSelector("#payment-refunds tr[data-state]"))).isEmpty();

		browser.findElement(By.id("action-refund")).click();
		wait.until(ExpectedConditions.alertIsPresent()).accept();

		wait.until(ExpectedConditions.textToBe(By.id("message"), "Refunded Rp 20.000."));
		assertThat(attribute(wait, "payment-status", "data-status")).isEqualTo("PARTIAL_REFUND");
		assertThat(text(wait, "payment-status")).isEqualTo("Partly refunded");
		assertThat(text(wait, "payment-refunds")).contains("Rp 20.000", "one pack damaged", "Succeeded");

		click(wait, "sign-out");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
		browser.get("http://127.0.0.1:" + this.port + "/admin/payments");
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
	}

	/** Fill in and send the login form the shop has just shown. */
	private static void signIn(WebDriverWait wait, String password) {
		wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
		WebElement user = browser.findElement(By.id("username"));
		user.clear();
		user.sendKeys(ShopHttp.ADMIN_USER);
		browser.findElement(By.id("password")).sendKeys(password);
		browser.findElement(By.id("sign-in")).click();
	}

	/**
	 * A wait that also retries an element replaced in between: the order and finish pages
	 * reload themselves every few seconds while the payment is open.
	 */
	private static WebDriverWait patiently() {
		WebDriverWait wait = new WebDriverWait(browser, PATIENCE);
		wait.ignoring(StaleElementReferenceException.class);
		return wait;
	}

	private static String text(WebDriverWait wait, String id) {
		return wait.until((driver) -> driver.findElement(By.id(id)).getText());
	}

	private static String attribute(WebDriverWait wait, String id, String name) {
		return wait.until((driver) -> driver.findElement(By.id(id)).getDomAttribute(name));
	}

	private static void click(WebDriverWait wait, String id) {
		wait.until((driver) -> {
			driver.findElement(By.id(id)).click();
			return true;
		});
	}

}
