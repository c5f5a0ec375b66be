"""The model of an imported OEWS file as mrt-guide stores it (``imports/oews-YYYY-KIND.json``).

Written by ``data import-oews`` after the model accepts it, and checked again (once per
content, through the cache) before the loader lays it over the dataset: a file edited by
hand, cut short or written by another version is refused, never half-read. Imports pydantic.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import Field, StringConstraints, ValidationError, model_validator

from .models import IsoDate, Label, Model, PlaceFigure, SocCode, Source, State, Text, Year

FORMAT = 1
KINDS = ("national", "state", "metro", "all")
"""What an import holds: the national row, state rows, metro and nonmetro area rows, or all."""


class Occupation(Model):
    code: SocCode
    title: Label
    broader: bool = Field(
        default=False,
        description="True where the file has no row for the occupation alone and these figures are "
        "for a broader group that includes it (29-2098, May 2019 and 2020).",
    )


class ImportFile(Model):
    """One imported OEWS file: its figures for one occupation, for one May survey."""

    format: Literal[1]
    id: Annotated[str, StringConstraints(pattern=r"^\d{4}-(?:national|state|metro|all)$")]
    vintage: Year = Field(description="The May survey the file describes.")
    kind: Literal["national", "state", "metro", "all"]
    file: Label = Field(description="The workbook read.")
    archive: Label | None = Field(description="The zip it came in, if any.")
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")] = Field(
        description="SHA-256 of the file given on the command line."
    )
    imported: IsoDate
    occupation: Occupation
    source: Source
    national: list[PlaceFigure] = Field(default_factory=list)
    states: list[State] = Field(default_factory=list)
    notes: list[Text] = Field(
        default_factory=list, description="What the file gave that could not become a figure."
    )

    @model_validator(mode="after")
    def _consistent(self) -> ImportFile:
        if self.id != f"{self.vintage}-{self.kind}":
            raise ValueError(f"id {self.id} does not match vintage {self.vintage} and kind {self.kind}")
        if self.source.key != f"oews-{self.id}" or self.source.kind != "official":
            raise ValueError(f"the source must be the official oews-{self.id}")
        figures = [*self.national]
        for state in self.states:
            figures += state.figures
            for area in state.areas:
                figures += area.figures
        seen: set[str] = set()
        for fig in figures:
            if fig.source != self.source.key or fig.flag != "official" or fig.year != self.vintage:
                raise ValueError(
                    f"figure {fig.id} is not an official {self.vintage} figure of {self.source.key}"
                )
            if fig.id in seen:
                raise ValueError(f"figure id {fig.id} is given twice")
            seen.add(fig.id)
        if not figures:
            raise ValueError("an import holds at least one figure")
        return self


class ImportFault(Exception):
    """An import file the model refuses; the message says where, in one line."""


def _checked(model: type[Model], data: object) -> dict[str, Any]:
    """``data`` as ``model`` dumps it once validated, or ``ImportFault`` naming the first fault."""
    try:
        valid = model.model_validate(data, strict=True)
    except ValidationError as exc:
        first = exc.errors(include_url=False)[0]
        where = ".".join(str(p) for p in first["loc"]) or "the file"
        raise ImportFault(f"{where}: {first['msg']}") from None
    dumped: dict[str, Any] = valid.model_dump(mode="json")
    return dumped


def check(data: object) -> dict[str, Any]:
    """An OEWS import as the loader reads it (the model's own dump), or ``ImportFault``."""
    return _checked(ImportFile, data)


# Employment Projections (data import-projections): imports/ep-YYYY-YY.json

Thousands = Annotated[float, Field(ge=0, le=1_000_000)]
"""Employment in thousands (all occupations: about 175,000)."""


class ProjectionRow(Model):
    """One occupation's row of Table 1.2 (and 1.7), employment in thousands."""

    code: SocCode
    title: Label
    base: Thousands
    target: Thousands
    change: Annotated[float, Field(ge=-1_000_000, le=1_000_000)] | None
    percent: Annotated[float, Field(ge=-100, le=1_000)]
    openings: Thousands | None
    wage: Annotated[float, Field(ge=1, le=2_000_000)] | None
    education: Label | None


class ProjectionImport(Model):
    """One edition of BLS's occupation.xlsx: the occupation's row, all occupations', related ones."""

    format: Literal[1]
    id: Annotated[str, StringConstraints(pattern=r"^\d{4}-\d{2}$")]
    start: Year
    end: Year
    file: Label
    sha256: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
    imported: IsoDate
    wage_year: Year | None
    occupation: Occupation
    source: Source
    row: ProjectionRow
    all: ProjectionRow
    related: list[ProjectionRow] = Field(default_factory=list, max_length=100)

    @model_validator(mode="after")
    def _consistent(self) -> ProjectionImport:
        if self.id != f"{self.start}-{self.end % 100:02d}" or not 5 <= self.end - self.start <= 15:
            raise ValueError(f"id {self.id} does not match the period {self.start}-{self.end}")
        if self.source.key != f"ep-{self.id}" or self.source.kind != "official":
            raise ValueError(f"the source must be the official ep-{self.id}")
        if self.row.code != self.occupation.code or self.all.code != "00-0000":
            raise ValueError("the rows must be the occupation's and all occupations' (00-0000)")
        return self


def check_projections(data: object) -> dict[str, Any]:
    """A projections import as the loader reads it, or ``ImportFault``."""
    return _checked(ProjectionImport, data)
