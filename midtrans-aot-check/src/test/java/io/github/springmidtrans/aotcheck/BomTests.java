package io.github.springmidtrans.aotcheck;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code midtrans-bom}, which has no parent: it must keep the build's version and manage
 * every published module, and nothing else.
 */
class BomTests {

	private static final Path ROOT = Path.of("..");

	@Test
	void bomHasTheVersionOfTheBuild() throws Exception {
		Document parent = read(ROOT.resolve("pom.xml"));
		Document bom = read(ROOT.resolve("midtrans-bom/pom.xml"));
		assertThat(child(bom.getDocumentElement(), "version")).isEqualTo(child(parent.getDocumentElement(), "version"));
		assertThat(child(bom.getDocumentElement(), "groupId")).isEqualTo(child(parent.getDocumentElement(), "groupId"));
	}

	@Test
	void bomManagesEveryPublishedModuleAtTheBuildVersion() throws Exception {
		List<String> published = new ArrayList<>();
		NodeList modules = read(ROOT.resolve("pom.xml")).getElementsByTagName("module");
		for (int i = 0; i < modules.getLength(); i++) {
			String module = modules.item(i).getTextContent().trim();
			Path pom = ROOT.resolve(module).resolve("pom.xml");
			if (!module.equals("midtrans-bom") && Files.exists(pom)
					&& !Files.readString(pom).contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
				published.add(module);
			}
		}
		assertThat(published).contains("midtrans-core", "midtrans-spring-boot-starter", "midtrans-test");
		List<String> managed = new ArrayList<>();
		Element management = (Element) read(ROOT.resolve("midtrans-bom/pom.xml"))
			.getElementsByTagName("dependencyManagement")
			.item(0);
		NodeList dependencies = management.getElementsByTagName("dependency");
		for (int i = 0; i < dependencies.getLength(); i++) {
			Element dependency = (Element) dependencies.item(i);
			assertThat(child(dependency, "groupId")).isEqualTo("io.github.springmidtrans");
			assertThat(child(dependency, "version")).isEqualTo("${project.version}");
			managed.add(child(dependency, "artifactId"));
		}
		assertThat(managed.stream().distinct()).containsExactlyInAnyOrderElementsOf(published);
	}

	private static Document read(Path pom) throws Exception {
		return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
	}

	private static String child(Element element, String name) {
		for (Node node = element.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element child && child.getTagName().equals(name)) {
				return child.getTextContent().trim();
			}
		}
		throw new IllegalStateException("No <" + name + "> in <" + element.getTagName() + ">");
	}

}
