"""The transfer tracker's filters: a django-filter FilterSet read from plain GET parameters."""

import datetime
from html import escape

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.forms.utils import flatatt
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from transfers.models import (
    Club,
    Competition,
    Player,
    Position,
    TransferKind,
    TransferStatus,
    TransferWindow,
)

MILLION = 1_000_000


def birthday_cutoff(max_age, today):
    """Players born after this day are at most `max_age` today."""
    years_back = max_age + 1
    try:
        return today.replace(year=today.year - years_back)
    except ValueError:  # 29 February in a year that has none
        return datetime.date(today.year - years_back, 2, 28)


class IntegerFilter(django_filters.NumberFilter):
    field_class = forms.IntegerField


class LongSelect(forms.Select):
    """A <select> written in one pass, for every list in the tracker's form: Django renders each
    option through a template, about a tenth of a millisecond apiece, and the club list alone
    has thousands. A model choice's options are read as (value, label) pairs, without making a
    model instance each."""

    def __init__(self, *args, label_field="name", **kwargs):
        self.label_field = label_field
        super().__init__(*args, **kwargs)

    def pairs(self):
        field = getattr(self.choices, "field", None)
        if not isinstance(field, forms.ModelChoiceField):
            return list(self.choices)
        first = [("", field.empty_label)] if field.empty_label is not None else []
        return first + list(self.model_choices(field))

    def model_choices(self, field):
        """The (value, label) pairs of a model choice's options."""
        return field.queryset.values_list(field.to_field_name or "pk", self.label_field)

    def render(self, name, value, attrs=None, renderer=None):
        chosen = set(self.format_value(value))
        # html.escape directly: format_html's per-call overhead is most of the cost here.
        options = mark_safe(
            "".join(
                f'<option value="{escape(str(key))}"'
                f"{' selected' if str(key) in chosen else ''}>{escape(str(label))}</option>"
                for key, label in self.pairs()
            )
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            options,
        )


class ClubField(django_filters.fields.ModelChoiceField):
    """A club by its slug, as links and the <select> send it, or by the name a reader types.

    The name is matched whole, ignoring case, then the full name ("Liverpool FC"): the text box
    that stands in for a long club list (`ClubSelect`) takes whatever a fan would type.
    """

    default_error_messages = {
        "invalid_choice": (
            "There is no club called “%(value)s”. Check the spelling, or use the club’s full name."
        ),
        "ambiguous": "More than one club is called “%(value)s”. Use the club’s full name instead.",
        "ambiguous_full_name": (
            "More than one club is called “%(value)s”. Follow the transfer links on the club’s own "
            "page instead."
        ),
    }

    def to_python(self, value):
        try:
            return super().to_python(value)
        except ValidationError as not_a_slug:
            if not_a_slug.code != "invalid_choice":
                raise  # Such as a NUL character, which no database column could hold.
            typed = str(value).strip()
            for lookup in ("name__iexact", "full_name__iexact"):
                matches = list(self.queryset.filter(**{lookup: typed})[:2])
                if len(matches) > 1:
                    code = "ambiguous" if lookup == "name__iexact" else "ambiguous_full_name"
                    raise ValidationError(
                        self.error_messages[code], code=code, params={"value": typed}
                    ) from None
                if matches:
                    return matches[0]
            raise

    def clean(self, value):
        club = super().clean(value)
        self.widget.chosen = club  # What the text box shows back (`ClubSelect.shown_text`).
        return club


class ClubFilter(django_filters.ModelChoiceFilter):
    field_class = ClubField


class ClubSelect(LongSelect):
    """The club list as a <select> while it is short enough to scan (`TRACKER_CLUB_SELECT_MAX`),
    a text box for the club's name beyond that: a list of thousands of clubs is more than a
    hundred kilobytes of options, which no reader scrolls, on every tracker page."""

    chosen = None

    def render(self, name, value, attrs=None, renderer=None):
        field = self.choices.field
        self.short_list = list(super().model_choices(field)[: settings.TRACKER_CLUB_SELECT_MAX + 1])
        if len(self.short_list) <= settings.TRACKER_CLUB_SELECT_MAX:
            return super().render(name, value, attrs, renderer)
        return format_html(
            "<input{}>",
            flatatt(
                self.build_attrs(
                    self.attrs,
                    {
                        **(attrs or {}),
                        "type": "text",
                        "name": name,
                        "value": self.shown_text(field, value),
                        "placeholder": field.empty_label,
                        "autocomplete": "off",
                        "spellcheck": "false",
                    },
                )
            ),
        )

    def model_choices(self, field):
        return self.short_list  # Read by render(), which picks the form from their number.

    def shown_text(self, field, value):
        """The chosen club as a reader would type it. A name the reader typed is shown as typed;
        a club chosen by its slug (from a link) by its name, unless another club shares it,
        then by its full name, and by its slug only when both are shared."""
        club = self.chosen
        if value in field.empty_values:
            return ""
        if club is None or value != club.slug:
            return str(value).replace("\x00", "")
        others = field.queryset.exclude(pk=club.pk)
        for lookup, text in (("name__iexact", club.name), ("full_name__iexact", club.full_name)):
            if not others.filter(**{lookup: text}).exists():
                return text
        return club.slug


class TrackerForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)

    def full_clean(self):
        super().full_clean()
        # Point each field with an error at its message, which the template renders with this id.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}_error"

    def clean(self):
        data = super().clean()
        if data.get("direction") and not data.get("club"):
            self.add_error("direction", "Choose a club to see its incoming or outgoing transfers.")
        fee_min, fee_max = data.get("fee_min"), data.get("fee_max")
        if fee_min is not None and fee_max is not None and fee_min > fee_max:
            self.add_error("fee_max", "The highest fee must be at least the lowest fee.")
        return data


class TransferLinkFilterSet(django_filters.FilterSet):
    club = ClubFilter(
        queryset=Club.objects.order_by("name"),
        to_field_name="slug",
        method="filter_club",
        label="Club",
        empty_label="Any club",
        widget=ClubSelect,
    )
    direction = django_filters.ChoiceFilter(
        choices=[("incoming", "Incoming"), ("outgoing", "Outgoing")],
        method="filter_nothing",  # read by filter_club, since it only means something there
        label="Direction",
        empty_label="Incoming and outgoing",
        widget=LongSelect,
    )
    status = django_filters.ChoiceFilter(
        choices=[("open", "Still open"), *TransferStatus.choices],
        method="filter_status",
        label="Status",
        empty_label="Any status",
        widget=LongSelect,
    )
    window = django_filters.ModelChoiceFilter(
        queryset=TransferWindow.objects.all(),
        to_field_name="slug",
        label="Window",
        empty_label="Any window",
        widget=LongSelect,
    )
    position = django_filters.ChoiceFilter(
        field_name="player__position",
        choices=Position.choices,
        label="Position",
        empty_label="Any position",
        widget=LongSelect,
    )
    kind = django_filters.ChoiceFilter(
        choices=TransferKind.choices,
        label="Type of deal",
        empty_label="Any type",
        widget=LongSelect,
    )
    competition = django_filters.ModelChoiceFilter(
        queryset=Competition.objects.all(),
        to_field_name="slug",
        method="filter_competition",
        label="Competition",
        empty_label="Any competition",
        widget=LongSelect,
    )
    # Text inputs with a numeric keyboard: a number input cannot redisplay a mistyped value
    # next to its error message.
    fee_min = django_filters.NumberFilter(
        method="filter_fee_min",
        label="Lowest fee (millions)",
        min_value=0,
        max_value=2000,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    fee_max = django_filters.NumberFilter(
        method="filter_fee_max",
        label="Highest fee (millions)",
        min_value=0,
        max_value=2000,
        widget=forms.TextInput(attrs={"inputmode": "decimal"}),
    )
    max_age = IntegerFilter(
        method="filter_max_age",
        label="Maximum age",
        min_value=15,
        max_value=50,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
    )
    sort = django_filters.ChoiceFilter(
        choices=[
            ("fee_high", "Highest fee"),
            ("fee_low", "Lowest fee"),
            ("likelihood", "Most likely"),
        ],
        method="sort_links",
        label="Sort by",
        empty_label="Latest update",
        widget=LongSelect,
    )
    player = django_filters.ModelChoiceFilter(
        queryset=Player.objects.all(),
        to_field_name="slug",
        widget=forms.HiddenInput,
        label="Player",
    )

    class Meta:
        form = TrackerForm
        fields = []

    def filter_nothing(self, queryset, name, value):
        return queryset

    def filter_club(self, queryset, name, club):
        direction = self.form.cleaned_data.get("direction")
        if direction == "incoming":
            return queryset.incoming(club)
        if direction == "outgoing":
            return queryset.outgoing(club)
        return queryset.involving(club)

    def filter_status(self, queryset, name, value):
        if value == "open":
            return queryset.open()
        return queryset.filter(status=value)

    def filter_competition(self, queryset, name, competition):
        return queryset.filter(
            Q(from_club__competition=competition) | Q(to_club__competition=competition)
        )

    def filter_fee_min(self, queryset, name, millions):
        return queryset.filter(fee_amount__gte=millions * MILLION)

    def filter_fee_max(self, queryset, name, millions):
        return queryset.filter(fee_amount__lte=millions * MILLION)

    def filter_max_age(self, queryset, name, max_age):
        cutoff = birthday_cutoff(max_age, timezone.localdate())
        return queryset.filter(player__date_of_birth__gt=cutoff)

    def sort_links(self, queryset, name, value):
        if value == "likelihood":
            # The stored score (indexed; refreshed daily for fading: docs/likelihood.md).
            return queryset.order_by("-likelihood", "-updated_at", "-id")
        fee = F("fee_amount").desc(nulls_last=True)
        if value == "fee_low":
            fee = F("fee_amount").asc(nulls_last=True)
        return queryset.order_by(fee, "-updated_at", "-id")

    def active_filters(self):
        """(name, label, value as the reader would say it) for each filter that is set."""
        if not self.is_bound or not self.form.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, ""):
                continue
            field = self.form.fields[name]
            if isinstance(field, forms.ModelChoiceField):
                shown = str(value)
            elif isinstance(field, forms.ChoiceField):
                shown = str(dict(field.choices).get(value, value))
            elif name.startswith("fee_"):
                shown = f"{value:f}".rstrip("0").rstrip(".") + "m"
            else:
                shown = str(value)
            active.append((name, field.label, shown))
        return active
