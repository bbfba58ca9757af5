package org.fundguard.kit.page;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageViewTest {

    @Test
    void totalPagesRoundsUpAndAnEmptyListHasNone() {
        assertThat(PageView.of(List.of(), PageRequest.of(0, 20), 0).totalPages()).isZero();
        assertThat(PageView.of(List.of(), PageRequest.of(0, 20), 20).totalPages()).isEqualTo(1);
        assertThat(PageView.of(List.of(), PageRequest.of(0, 20), 21).totalPages()).isEqualTo(2);
        assertThat(PageView.of(List.of(), PageRequest.of(0, 1), 3_000_000_000L).totalPages()).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void offsetIsPageTimesSize() {
        assertThat(PageRequest.of(3, 25).offset()).isEqualTo(75);
        assertThat(PageRequest.of(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset()).isEqualTo(200_000_000L);
        assertThat(PageRequest.first().size()).isEqualTo(20);
        assertThat(PageRequest.of(2, 10).panache().index).isEqualTo(2);
    }

    @Test
    void mapKeepsThePagingFacts() {
        PageView<String> view = PageView.of(List.of(1, 2), PageRequest.of(1, 2), 5).map(i -> "#" + i);

        assertThat(view).isEqualTo(new PageView<>(List.of("#1", "#2"), 1, 2, 5, 3));
    }

    @Test
    void outOfRangeRequestsMadeInCodeAreRefused() {
        assertThatThrownBy(() -> PageRequest.of(-1, 20)).hasMessageContaining("page");
        assertThatThrownBy(() -> PageRequest.of(0, 201)).hasMessageContaining("size");
        assertThatThrownBy(() -> PageView.of(List.of(), PageRequest.first(), -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
