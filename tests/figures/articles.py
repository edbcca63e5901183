"""Articles for the figures tests: invented places, people and events."""

from __future__ import annotations

ACCEPTANCE = """Coordinated Raids Shake the Province of Marrowind
Published 1 February 2026
Highlights
- A series of coordinated attacks on the towns of Esker and Velloch resulted in 33 deaths, including 18 civilians and 15 security personnel.
- Security forces launched a counter-offensive in the Tamsin hills, with 92 insurgents reportedly killed by security forces.
- Gunmen stormed the district jail at Quorra, leading to the escape of over 30 inmates.
- The insurgency now holds ground covering nearly 44% of the land area of the province.
-
The attacks
Gunmen struck police posts and a market in Esker and Velloch on Friday, leaving 33 people dead, including 18 civilians and 15 security personnel.
A second group attacked the jail at Quorra, freeing more than 30 inmates.
The response
The army answered with air strikes on the Tamsin hills, killing 92 insurgents. The military reported that a total of 133 militants have been killed in the past 48 hours.
Background
The rebels now control territory covering nearly 44% of the land area, the province's largest loss of ground since 1948.
About 5% of the population has fled the fighting, officials said.
"""
