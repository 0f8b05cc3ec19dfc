package io.github.springmidtrans.autoconfigure;

import io.github.springmidtrans.client.MidtransClient;
import io.github.springmidtrans.client.MidtransEnvironment;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ImportRuntimeHints;

/**
 * The {@link MidtransClient}, built from {@code midtrans.*} properties. Startup fails
 * with a message naming the property when the server key is missing, or when the server
 * or client key is an unresolved placeholder, has whitespace around it, is the other kind
 * of key, or belongs to the other environment.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(MidtransClient.class)
@EnableConfigurationProperties(MidtransProperties.class)
@ImportRuntimeHints(MidtransClientRuntimeHints.class)
public final class MidtransClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MidtransClient midtransClient(MidtransProperties properties,
			ObjectProvider<MidtransClientBuilderCustomizer> customizers) {
		String serverKey = MidtransKeyChecks.checkedServerKey(properties);
		String clientKey = MidtransKeyChecks.checkedClientKey(properties);
		MidtransProperties.Http http = properties.getHttp();
		MidtransClient.Builder builder = MidtransClient.builder()
			.serverKey(serverKey)
			.clientKey(clientKey)
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

}
