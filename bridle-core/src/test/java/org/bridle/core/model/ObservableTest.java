package org.bridle.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ObservableTest {
    @Test
    void urlsKeepsOnlyNonEmptyValuesInOrder() {
        assertThat(Observable.urls("https://a.example/", null, "", "http://b.example/x"))
                .containsExactly(Observable.url("https://a.example/"), Observable.url("http://b.example/x"));
        assertThat(Observable.urls()).isEmpty();
    }
}
