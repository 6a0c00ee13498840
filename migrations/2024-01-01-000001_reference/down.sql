DROP TABLE appointments;
DROP TABLE people;
DROP TABLE organisations;
DROP TABLE focus_areas;
DROP TABLE countries;
