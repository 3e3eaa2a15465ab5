package org.bridle.core.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bridle.core.model.Observable;
import org.bridle.core.model.ObservableKind;
import org.junit.jupiter.api.Test;

class StalkerwareYamlLoaderTest {
    private static final String YAML = """
            - name: SpyApp
              names:
              - SpyApp Pro
              type: stalkerware
              packages:
              - com.spy.app
              certificates:
              - 31A6ECECD97CF39BC4126B8745CD94A7C30BF81C
              - not-a-hash
              websites:
              - spyapp[.]example
              distribution:
              - get.spyapp.example
              c2:
                ips:
                - 192.0.2.10
                domains:
                - c2.spyapp.example
              certificate_organizations:
              - Spy Ltd
            - name: Watch
              type: watchware
              c2:
                ip:
                - 198.51.100.7
            - names: [nameless]
            """;

    private static IndicatorFile load() throws Exception {
        return StalkerwareYamlLoader.load("ioc.yaml", "/tmp/ioc.yaml", YAML.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryListWithTheAppNameAsFamily() throws Exception {
        IndicatorFile file = load();
        assertThat(file.indicators()).extracting(Indicator::type, Indicator::value, Indicator::family,
                Indicator::objectId).containsExactly(
                tuple(IndicatorType.APP_ID, "com.spy.app", "SpyApp", "SpyApp/packages[0]"),
                tuple(IndicatorType.APP_CERT_SHA1, "31A6ECECD97CF39BC4126B8745CD94A7C30BF81C", "SpyApp",
                        "SpyApp/certificates[0]"),
                tuple(IndicatorType.DOMAIN, "spyapp.example", "SpyApp", "SpyApp/websites[0]"),
                tuple(IndicatorType.DOMAIN, "get.spyapp.example", "SpyApp", "SpyApp/distribution[0]"),
                tuple(IndicatorType.DOMAIN, "c2.spyapp.example", "SpyApp", "SpyApp/c2.domains[0]"),
                tuple(IndicatorType.IPV4, "192.0.2.10", "SpyApp", "SpyApp/c2.ips[0]"),
                tuple(IndicatorType.IPV4, "198.51.100.7", "Watch", "Watch/c2.ip[0]"));
        assertThat(file.problems()).extracting(Problem::message).containsExactly(
                "ioc.yaml: SpyApp/certificates[1] \"not-a-hash\" is not a SHA-1 digest (40 hex digits)",
                "ioc.yaml: SpyApp/certificate_organizations is not a kind of indicator bridle matches",
                "ioc.yaml: [2] has no name");
    }

    @Test
    void matchesCertificatesInAnyCaseAndAppIds() throws Exception {
        IndicatorSet set = IndicatorSet.builder().add(load()).build();
        assertThat(set.match(new Observable(ObservableKind.APP_CERT_SHA1,
                "31a6ecECD97CF39BC4126B8745CD94A7C30BF81C"))).singleElement()
                .satisfies(m -> assertThat(m.indicator().family()).isEqualTo("SpyApp"));
        assertThat(set.match(Observable.appId("com.spy.app"))).hasSize(1);
        assertThat(set.match(Observable.url("https://c2.spyapp.example/x")))
                .extracting(m -> m.indicator().value()).containsExactlyInAnyOrder("c2.spyapp.example",
                        "spyapp.example");
    }

    @Test
    void otherYamlIsOneSentence() {
        assertThatThrownBy(() -> StalkerwareYamlLoader.load("x.yaml", "x.yaml", "a: b\n".getBytes()))
                .isInstanceOf(IndicatorFileException.class).hasMessageContaining("is not a stalkerware indicator list");
        assertThatThrownBy(() -> StalkerwareYamlLoader.load("x.yaml", "x.yaml", "- [\n".getBytes()))
                .isInstanceOf(IndicatorFileException.class).hasMessageContaining("is not valid YAML");
    }

    @Test
    void theBuiltinFeedsIncludeEchapsFiles() {
        assertThat(BuiltinIndicators.load().files()).extracting(IndicatorFile::name)
                .contains("ioc.yaml", "watchware.yaml");
    }

    /**
     * Every check asks {@link StalkerwareYamlLoader#handles} of its {@code --iocs} files: asking must not load the
     * YAML parser (a cold start of Jackson's YAML and snakeyaml), which only loading a YAML file needs.
     */
    @Test
    void askingWhetherAFileIsYamlLoadsNoYamlClass() throws Exception {
        List<URL> classPath = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            classPath.add(Path.of(entry).toUri().toURL());
        }
        try (Isolated loader = new Isolated(classPath.toArray(URL[]::new))) {
            Class<?> yamlLoader = Class.forName(StalkerwareYamlLoader.class.getName(), true, loader);
            assertThat(yamlLoader.getClassLoader()).isSameAs(loader);

            assertThat(yamlLoader.getMethod("handles", String.class).invoke(null, "ioc.yaml")).isEqualTo(true);
            assertThat(loader.loaded("com.fasterxml.jackson.dataformat.yaml.YAMLFactory")).isFalse();
            assertThat(loader.loaded("com.fasterxml.jackson.databind.ObjectMapper")).isFalse();

            yamlLoader.getMethod("load", String.class, String.class, byte[].class)
                    .invoke(null, "a.yaml", "a.yaml", YAML.getBytes(StandardCharsets.UTF_8));
            assertThat(loader.loaded("com.fasterxml.jackson.dataformat.yaml.YAMLFactory")).isTrue();
        }
    }

    /** A class loader of its own for the test class path, which tells what it has loaded. */
    private static final class Isolated extends URLClassLoader {
        Isolated(URL[] classPath) {
            super(classPath, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }
}
