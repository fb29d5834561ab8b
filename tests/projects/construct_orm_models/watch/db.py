"""The SQLAlchemy models of the watch list: the classic declarative base and 2.0's typed one."""

from sqlalchemy import Column, Integer, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, declarative_base, mapped_column, sessionmaker

from watch.settings import DATABASE_URL

engine = create_engine(DATABASE_URL)
Session = sessionmaker(bind=engine)
Base = declarative_base()


class Account(Base):
    __tablename__ = "accounts"
    id = Column(Integer, primary_key=True)
    handle = Column(String)
    avatar_url = Column(String)


class Typed(DeclarativeBase):
    pass


class Sighting(Typed):
    __tablename__ = "sightings"
    id: Mapped[int] = mapped_column(primary_key=True)
    handle: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(200))


class Volunteer(Base):
    """The team's own staff list: nothing from a platform is stored here."""

    __tablename__ = "volunteers"
    id = Column(Integer, primary_key=True)
    name = Column(String)
    photo = Column(String)
