package cn.lianban.resource;

import java.time.YearMonth;

/** A month's list was published (or added to): the community-order start form offers its departments anew. */
record ResourceListPublished(YearMonth month) {
}
