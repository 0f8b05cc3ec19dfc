package io.github.springmidtrans.autoconfigure;

import java.util.Locale;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.StringUtils;

/**
 * The {@link MidtransClient}, built from {@code midtrans.*} properties. Startup fails
 * with a message naming the property when the server key is missing or belongs to the
 * other environment.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(MidtransClient.class)
@EnableConfigurationProperties(MidtransProperties.class)
public final class MidtransClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MidtransClient midtransClient(MidtransProperties properties,
			ObjectProvider<MidtransClientBuilderCustomizer> customizers) {
		String serverKey = checkedServerKey(properties);
		MidtransProperties.Http http = properties.getHttp();
		MidtransClient.Builder builder = MidtransClient.builder()
			.serverKey(serverKey)
			.clientKey(properties.getClientKey())
			.environment(properties.isProduction() ? MidtransEnvironment.PRODUCTION : MidtransEnvironment.SANDBOX)
			.baseUrl(properties.getBaseUrl())
			.snapBaseUrl(properties.getSnap().getBaseUrl())
			.connectTimeout(http.getConnectTimeout())
			.readTimeout(http.getReadTimeout())
			.writeTimeout(http.getWriteTimeout())
			.callTimeout(http.getCallTimeout())
			.connectionPool(http.getMaxIdleConnections(), http.getKeepAlive());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return builder.build();
	}

	private static String checkedServerKey(MidtransProperties properties) {
		String key = properties.getServerKey();
		if (!StringUtils.hasText(key)) {
			throw new MidtransConfigurationException("midtrans.server-key", "is not set",
					"Set midtrans.server-key to the server key from the Midtrans dashboard, for example"
							+ " midtrans.server-key=${MIDTRANS_SERVER_KEY}, and keep the key out of committed files.");
		}
		boolean sandboxKey = key.toUpperCase(Locale.ROOT).startsWith("SB-");
		if (properties.isProduction() && sandboxKey) {
			throw new MidtransConfigurationException("midtrans.server-key",
					"is a sandbox key (it starts with 'SB-') but midtrans.production is true",
					"Use the production server key, or set midtrans.production=false to use the sandbox.");
		}
		if (!properties.isProduction() && key.startsWith("Mid-server-")) {
			throw new MidtransConfigurationException("midtrans.server-key",
					"is a production key (it starts with 'Mid-server-') but midtrans.production is false",
					"Use the sandbox server key (SB-Mid-server-...), or set midtrans.production=true to take real"
							+ " payments.");
		}
		return key;
	}

}
