package org.bridle.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bridle.core.indicators.ContentDigest;
import org.bridle.core.indicators.Indicator;
import org.bridle.core.indicators.IndicatorFile;
import org.bridle.core.indicators.IndicatorMatch;
import org.bridle.core.indicators.IndicatorSet;
import org.bridle.core.indicators.IndicatorType;
import org.bridle.core.model.Observable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * URL observables checked against an indicator set of generated domain names, on one thread. One in ten URLs is
 * on a subdomain of an indicator; the others are on unrelated hosts. Each operation is one URL check.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
public class UrlMatchBenchmark {
    private static final int URLS = 4096;

    @Param("100000")
    private int indicators;

    private IndicatorSet set;
    private Observable[] urls;
    private int next;

    @Setup
    public void setUp() {
        GeneratedNames names = new GeneratedNames(1);
        List<Indicator> domains = new ArrayList<>(indicators);
        for (int i = 0; i < indicators; i++) {
            domains.add(new Indicator(IndicatorType.DOMAIN, names.domain(), "Generated", "generated.stix2",
                    "indicator--" + i));
        }
        set = IndicatorSet.builder()
                .add(new IndicatorFile("generated.stix2", "generated", ContentDigest.known("0", 1), domains, List.of()))
                .build();
        urls = new Observable[URLS];
        for (int i = 0; i < URLS; i++) {
            String host = i % 10 == 0 ? "m." + domains.get(names.nextInt(indicators)).value()
                    : "www." + names.domain();
            urls[i] = Observable.url("https://" + host + "/news/article-" + i + "?utm_source=share");
        }
    }

    @Benchmark
    public List<IndicatorMatch> matchUrl() {
        return set.match(urls[next++ & (URLS - 1)]);
    }
}
