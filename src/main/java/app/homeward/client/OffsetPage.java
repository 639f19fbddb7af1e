package app.homeward.client;

import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;

/**
 * A page that starts at any offset: a lazy grid asks for rows 30–79, which is not a whole page of
 * 50, and {@code PageRequest} can only start at multiples of its size.
 */
record OffsetPage(long offset, int size, Sort sort) implements Pageable {

    @Override public int getPageNumber() { return (int) (offset / size); }
    @Override public int getPageSize() { return size; }
    @Override public long getOffset() { return offset; }
    @Override public Sort getSort() { return sort; }
    @Override public Pageable next() { return new OffsetPage(offset + size, size, sort); }
    @Override public Pageable previousOrFirst() { return new OffsetPage(Math.max(0, offset - size), size, sort); }
    @Override public Pageable first() { return new OffsetPage(0, size, sort); }
    @Override public Pageable withPage(int pageNumber) { return new OffsetPage((long) pageNumber * size, size, sort); }
    @Override public boolean hasPrevious() { return offset > 0; }
}
