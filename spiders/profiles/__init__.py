"""Site profiles: one per CMS family, plus AUTO for pages none of them recognises."""

from __future__ import annotations

from parsel import Selector

from .auto import AUTO
from .base import Listing, ListingEntry, Profile, RawArticle, as_selector
from .dnn import DNN
from .joomla import JOOMLA
from .liferay import LIFERAY
from .selector import SelectorProfile
from .wordpress import WORDPRESS

__all__ = [
    "AUTO",
    "PROFILES",
    "Listing",
    "ListingEntry",
    "Profile",
    "RawArticle",
    "SelectorProfile",
    "as_selector",
    "detect_profile",
    "get_profile",
]

# Detection order: the most specific markers first. DNN's ".aspx" is the loosest URL test.
PROFILES: dict[str, Profile] = {p.name: p for p in (LIFERAY, WORDPRESS, JOOMLA, DNN, AUTO)}


def get_profile(name: str) -> Profile:
    """The profile registered under name ('liferay', 'wordpress', 'joomla', 'dnn', 'auto')."""
    try:
        return PROFILES[name]
    except KeyError:
        known = ", ".join(PROFILES)
        raise KeyError(f"unknown site profile {name!r}; known: {known}") from None


def detect_profile(url: str, page: str | Selector | None = None) -> Profile:
    """The first CMS profile whose URL shape or page markers match, else AUTO."""
    selector = as_selector(page) if page is not None and not isinstance(page, str) else page
    if isinstance(page, str) and page.strip():
        selector = as_selector(page)  # parse once for every profile's markers
    for profile in PROFILES.values():
        if profile is not AUTO and profile.matches(url, selector):
            return profile
    return AUTO
